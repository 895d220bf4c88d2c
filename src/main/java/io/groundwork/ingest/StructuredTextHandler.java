package io.groundwork.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects Tika's XHTML events into text with one block per line, recording headings
 * ({@code h1}..{@code h6}) and pages ({@code <div class="page">}, as Tika emits for PDF).
 * White space inside a block is collapsed to single spaces. Not thread-safe: one per parse.
 */
final class StructuredTextHandler extends DefaultHandler {
  private static final Set<String> BLOCKS =
      Set.of("p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
          "blockquote", "table", "ul", "ol", "dt", "dd", "section", "article", "td", "th");

  private final StringBuilder text = new StringBuilder();
  private final List<Heading> headings = new ArrayList<>();
  private final List<Integer> pageStarts = new ArrayList<>();
  private int headDepth;
  private int headingLevel;
  private int headingStart = -1;
  private boolean pendingSpace;

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    String name = localName.isEmpty() ? qName : localName;
    if (name.equals("head")) {
      headDepth++;
      return;
    }
    if (headDepth > 0) {
      return;
    }
    if (BLOCKS.contains(name)) {
      endLine();
    }
    if (name.equals("td") || name.equals("th")) {
      pendingSpace = true;
    }
    if (name.equals("div") && "page".equals(attributes.getValue("class"))) {
      pageStarts.add(text.length());
    }
    if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
      headingLevel = name.charAt(1) - '0';
      headingStart = text.length();
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = localName.isEmpty() ? qName : localName;
    if (name.equals("head")) {
      headDepth--;
      return;
    }
    if (headDepth > 0) {
      return;
    }
    if (headingStart >= 0 && name.length() == 2 && name.charAt(0) == 'h'
        && Character.isDigit(name.charAt(1))) {
      String heading = text.substring(headingStart).strip();
      if (!heading.isEmpty() && headingLevel >= 1 && headingLevel <= 6) {
        headings.add(new Heading(headingLevel, heading, headingStart));
      }
      headingStart = -1;
    }
    if (BLOCKS.contains(name)) {
      endLine();
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (headDepth > 0) {
      return;
    }
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      if (Character.isWhitespace(c) || c == '\u00A0') {
        pendingSpace = true;
      } else {
        if (pendingSpace && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
          text.append(' ');
        }
        pendingSpace = false;
        text.append(c);
      }
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    pendingSpace = true;
  }

  private void endLine() {
    if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
    pendingSpace = false;
  }

  String text() {
    return text.toString().strip();
  }

  List<Heading> headings() {
    return headings;
  }

  List<Integer> pageStarts() {
    return pageStarts;
  }
}
