package io.groundwork.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects Tika's XHTML events into {@link RawBlock}s: headings ({@code h1}..{@code h6}),
 * paragraphs, list items with their depth, table rows with their cells, each with the page it is
 * on ({@code <div class="page">}, as Tika emits for PDF). Blocks inside page navigation, sidebars
 * and the page-level header and footer of HTML ({@code nav}, {@code aside}, {@code header} and
 * {@code footer} outside {@code article}, {@code main} and {@code section}, and the ARIA roles
 * navigation, banner, contentinfo, complementary and search) are marked as boilerplate; they
 * reach this handler because {@link BoilerplateHtmlMapper} lets those elements through. White
 * space inside a block is collapsed to single spaces. Not thread-safe: one per parse.
 */
final class StructuredTextHandler extends DefaultHandler {
  private static final Set<String> BLOCKS =
      Set.of("p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
          "blockquote", "table", "ul", "ol", "dl", "dt", "dd", "section", "article", "main",
          "nav", "aside", "header", "footer", "td", "th", "caption");
  private static final Set<String> SECTIONING = Set.of("article", "main", "section");
  private static final Set<String> BOILERPLATE_ROLES =
      Set.of("navigation", "banner", "contentinfo", "complementary", "search");

  private final List<RawBlock> blocks = new ArrayList<>();
  /** Per open element: whether it opened boilerplate, sectioning, a list (and which). */
  private final Deque<Integer> open = new ArrayDeque<>();
  private final Deque<Boolean> lists = new ArrayDeque<>();
  /** Block types of the open block elements, innermost first. */
  private final Deque<RawBlock.Type> types = new ArrayDeque<>();
  private final Deque<Integer> levels = new ArrayDeque<>();
  private final StringBuilder buffer = new StringBuilder();
  private RawBlock.Type bufferType = RawBlock.Type.PARAGRAPH;
  private int bufferLevel;
  private int bufferLines = 1;
  private int headDepth;
  private int boilerplateDepth;
  private int sectioningDepth;
  private int page;
  private boolean pendingSpace;
  private List<StringBuilder> rowCells;
  private boolean headerRow;

  private static final int BOILERPLATE = 1;
  private static final int SECTION = 2;
  private static final int LIST = 4;

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    String name = (localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
    if (name.equals("head")) {
      headDepth++;
      return;
    }
    if (headDepth > 0) {
      return;
    }
    if (rowCells != null) {
      startInRow(name);
      open.push(0);
      return;
    }
    int flags = 0;
    String role = attributes.getValue("role");
    boolean boilerplate = name.equals("nav") || name.equals("aside")
        || ((name.equals("header") || name.equals("footer")) && sectioningDepth == 0)
        || (role != null && BOILERPLATE_ROLES.contains(role.strip().toLowerCase(Locale.ROOT)));
    if (BLOCKS.contains(name)) {
      flush();
    }
    if (boilerplate) {
      boilerplateDepth++;
      flags |= BOILERPLATE;
    }
    if (SECTIONING.contains(name)) {
      sectioningDepth++;
      flags |= SECTION;
    }
    if (name.equals("ul") || name.equals("ol")) {
      lists.push(name.equals("ol"));
      flags |= LIST;
    }
    if (name.equals("div") && "page".equals(attributes.getValue("class"))) {
      page++;
    }
    if (name.equals("tr")) {
      rowCells = new ArrayList<>();
      headerRow = false;
    } else if (isHeading(name)) {
      types.push(RawBlock.Type.HEADING);
      levels.push(name.charAt(1) - '0');
      flags |= 8;
    } else if (name.equals("li")) {
      boolean ordered = !lists.isEmpty() && lists.peek();
      types.push(ordered ? RawBlock.Type.NUMBERED_ITEM : RawBlock.Type.ITEM);
      levels.push(Math.max(1, lists.size()));
      flags |= 8;
    }
    open.push(flags);
  }

  private void startInRow(String name) {
    if (name.equals("td") || name.equals("th")) {
      rowCells.add(new StringBuilder());
      headerRow |= name.equals("th");
    } else if (BLOCKS.contains(name)) {
      pendingSpace = true;
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = (localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
    if (name.equals("head")) {
      headDepth--;
      return;
    }
    if (headDepth > 0) {
      return;
    }
    int flags = open.isEmpty() ? 0 : open.pop();
    if (rowCells != null) {
      if (name.equals("tr")) {
        endRow();
      } else if (BLOCKS.contains(name)) {
        pendingSpace = true;
      }
      return;
    }
    if (BLOCKS.contains(name)) {
      flush();
    }
    if ((flags & 8) != 0) {
      types.pop();
      levels.pop();
    }
    if ((flags & LIST) != 0) {
      lists.pop();
    }
    if ((flags & SECTION) != 0) {
      sectioningDepth--;
    }
    if ((flags & BOILERPLATE) != 0) {
      boilerplateDepth--;
    }
  }

  private void endRow() {
    List<String> cells = rowCells.stream().map(c -> c.toString().strip()).toList();
    rowCells = null;
    pendingSpace = false;
    if (cells.stream().allMatch(String::isEmpty)) {
      return;
    }
    String text = String.join(" ", cells.stream().filter(c -> !c.isEmpty()).toList());
    blocks.add(new RawBlock(headerRow ? RawBlock.Type.HEADER_ROW : RawBlock.Type.ROW, text, 0,
        cells, page, boilerplateDepth > 0, 1));
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (headDepth > 0) {
      return;
    }
    StringBuilder target = rowCells == null ? buffer
        : rowCells.isEmpty() ? null : rowCells.getLast();
    if (target == null) {
      return; // text between cells: Tika's indentation
    }
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      if (Character.isWhitespace(c) || c == '\u00A0') {
        pendingSpace = true;
        if (c == '\n' && target == buffer && !buffer.isEmpty()) {
          bufferLines++;
        }
      } else {
        if (target == buffer && buffer.isEmpty()) {
          bufferType = types.isEmpty() ? RawBlock.Type.PARAGRAPH : types.peek();
          bufferLevel = levels.isEmpty() ? 0 : levels.peek();
          bufferLines = 1;
        } else if (pendingSpace && !target.isEmpty()) {
          target.append(' ');
        }
        pendingSpace = false;
        target.append(c);
      }
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    pendingSpace = true;
  }

  private void flush() {
    pendingSpace = false;
    if (buffer.isEmpty()) {
      return;
    }
    String text = buffer.toString().strip();
    // A trailing line break inside a PDF paragraph is not a wrapped line.
    int lines = Math.max(1, bufferLines - (bufferLines > 1 ? 1 : 0));
    buffer.setLength(0);
    if (!text.isEmpty()) {
      blocks.add(new RawBlock(bufferType, text, bufferLevel, List.of(), page,
          boilerplateDepth > 0, lines));
    }
  }

  private static boolean isHeading(String name) {
    return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1'
        && name.charAt(1) <= '6';
  }

  /** The blocks collected, in document order. */
  List<RawBlock> blocks() {
    flush();
    return blocks;
  }

  /** Pages seen ({@code <div class="page">}), 0 for formats without pages. */
  int pages() {
    return page;
  }
}
