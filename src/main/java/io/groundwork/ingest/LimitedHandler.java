package io.groundwork.ingest;

import java.time.Duration;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.ContentHandler;

/**
 * Passes SAX events on until a document has produced more characters than allowed, or its
 * parsing has run past its deadline; then it throws, which ends the parse. The deadline is
 * checked on every event, so a parser that keeps producing events (an expanding archive, a
 * huge table) is stopped in time. Not thread-safe: one per parse.
 */
final class LimitedHandler extends ContentHandlerDecorator {
  private final int maxCharacters;
  private final long deadline;
  private final Duration timeLimit;
  private long seen;

  LimitedHandler(ContentHandler handler, int maxCharacters, long deadlineNanos,
      Duration timeLimit) {
    super(handler);
    this.maxCharacters = maxCharacters;
    this.deadline = deadlineNanos;
    this.timeLimit = timeLimit;
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    seen += length;
    if (seen > maxCharacters) {
      throw new SAXException("document has more than " + maxCharacters + " characters of text");
    }
    checkTime();
    super.characters(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    checkTime();
    super.ignorableWhitespace(ch, start, length);
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes atts)
      throws SAXException {
    checkTime();
    super.startElement(uri, localName, name, atts);
  }

  private void checkTime() throws SAXException {
    if (System.nanoTime() - deadline > 0) {
      throw new SAXException("parsing took longer than " + timeLimit.toSeconds() + " s");
    }
  }
}
