package io.groundwork.ingest;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/** Passes SAX events on until a document has produced more characters than allowed. */
final class LimitedHandler extends ContentHandlerDecorator {
  private final int maxCharacters;
  private long seen;

  LimitedHandler(ContentHandler handler, int maxCharacters) {
    super(handler);
    this.maxCharacters = maxCharacters;
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    seen += length;
    if (seen > maxCharacters) {
      throw new SAXException("document has more than " + maxCharacters + " characters of text");
    }
    super.characters(ch, start, length);
  }
}
