package io.groundwork.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers blocks and headings from plain text and Markdown: lines of a paragraph are joined,
 * blank lines and list items start new blocks, and ATX ({@code ## Title}) and setext
 * ({@code Title} over {@code ====}) headings become headings with their markers removed, as
 * does a line in capitals that opens a block of text ("WHAT THEY ARE" over a paragraph), the way
 * plain-text documents mark their sections; consecutive lines indented alike are rows, each a
 * block of its own, as is an indented line aligned in columns, and the line after such rows
 * starts a new block.
 * Inline Markdown emphasis markers are removed so that citations quote clean text. Each block
 * is also recorded as a {@link Block}: list items (with their depth from the indentation),
 * numbered items and table rows ({@code | a | b |}, the row above a {@code |---|} separator being
 * a header row; the separator itself is left out of the text).
 */
final class PlainTextStructure {
  private static final Pattern ATX = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern SETEXT = Pattern.compile("^(=+|-+)\\s*$");
  private static final Pattern BLOCK_START =
      Pattern.compile("^\\s*([-*+]\\s+|\\d+[.)]\\s+|\\|)");
  private static final Pattern BULLET = Pattern.compile("^[-*+]\\s+");
  private static final Pattern NUMBER = Pattern.compile("^\\d+[.)]\\s+");
  private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?$");
  /** A line in capitals: no lower-case letter, at least two capitals. */
  private static final Pattern CAPITALS =
      Pattern.compile("[^\\p{Ll}]*\\p{Lu}[^\\p{Ll}]*\\p{Lu}[^\\p{Ll}]*");
  /** Most words of a heading in capitals; a longer line in capitals is shouted text. */
  private static final int CAPITALS_HEADING_WORDS = 10;
  private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|`)");
  /** Text aligned in columns: three spaces or a tab between two words of a line. */
  private static final Pattern COLUMN_GAP = Pattern.compile("\\S(?: {3,}|\\t)\\S");

  private final StringBuilder text = new StringBuilder();
  private final List<Heading> headings = new ArrayList<>();
  private final List<Block> blocks = new ArrayList<>();

  private PlainTextStructure() {}

  /** Parses {@code raw} and returns its text and headings. */
  static PlainTextStructure of(String raw) {
    PlainTextStructure structure = new PlainTextStructure();
    structure.read(raw.replace("\r\n", "\n").replace('\r', '\n'));
    return structure;
  }

  private void read(String raw) {
    String[] lines = raw.split("\n", -1);
    StringBuilder block = new StringBuilder();
    int indent = 0;
    boolean inRows = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      Matcher atx = ATX.matcher(line);
      boolean setextNext = i + 1 < lines.length && !line.isEmpty()
          && SETEXT.matcher(lines[i + 1].strip()).matches() && block.isEmpty()
          && lines[i + 1].strip().length() >= 3;
      if (atx.matches()) {
        flush(block, indent);
        addHeading(atx.group(1).length(), clean(atx.group(2)));
      } else if (setextNext) {
        flush(block, indent);
        addHeading(lines[i + 1].strip().charAt(0) == '=' ? 1 : 2, clean(line));
        i++;
      } else if (block.isEmpty() && capitalsHeading(line)
          && i + 1 < lines.length && !lines[i + 1].isBlank()) {
        addHeading(2, clean(line));
      } else if (line.startsWith("|") && TABLE_SEPARATOR.matcher(line).matches()) {
        flush(block, indent);
        markHeaderRow();
      } else if (line.isEmpty() || line.matches("^(-{3,}|\\*{3,}|_{3,})$")) {
        flush(block, indent);
      } else {
        int lineIndent = lines[i].length() - lines[i].stripLeading().length();
        // Indented lines at one depth are rows ("  Day 10:  changes cut-off"), each its own
        // block, as is an indented line aligned in columns under a lead-in ("  Lisbon and
        // Porto:   EUR 160"); a line indented deeper continues the one above, and a shallower
        // one after rows is not part of the last row.
        int previousIndent = i == 0 ? 0
            : lines[i - 1].length() - lines[i - 1].stripLeading().length();
        boolean row = lineIndent >= 2 && (lineIndent == previousIndent
            || COLUMN_GAP.matcher(line).find());
        if (BLOCK_START.matcher(line).find() || row || (inRows && lineIndent < indent)) {
          flush(block, indent);
        }
        if (block.isEmpty()) {
          inRows = row;
          indent = lineIndent;
        } else {
          block.append(' ');
        }
        block.append(clean(line));
      }
    }
    flush(block, indent);
  }

  /** Whether {@code line} reads as a heading in capitals ("UK MONTHLY CYCLE"). */
  private static boolean capitalsHeading(String line) {
    return CAPITALS.matcher(line).matches()
        && !BLOCK_START.matcher(NUMBER.matcher(line).replaceFirst("")).find()
        && !line.endsWith(".") && line.split("\\s+").length <= CAPITALS_HEADING_WORDS;
  }

  private static String clean(String line) {
    return EMPHASIS.matcher(line).replaceAll("").replaceAll("\\s+", " ").strip();
  }

  private void addHeading(int level, String heading) {
    if (heading.isEmpty()) {
      return;
    }
    newLine();
    int start = text.length();
    headings.add(new Heading(level, heading, start));
    text.append(heading);
    blocks.add(Block.heading(level, start, text.length()));
  }

  private void flush(StringBuilder block, int indent) {
    if (block.isEmpty()) {
      return;
    }
    newLine();
    int start = text.length();
    String content = block.toString();
    text.append(content);
    int end = text.length();
    if (content.startsWith("|")) {
      blocks.add(Block.row(false, cells(content, start), start, end));
    } else if (BULLET.matcher(content).find()) {
      blocks.add(Block.item(false, 1 + indent / 2, start + Block.markerLength(content), end));
    } else if (NUMBER.matcher(content).find()) {
      blocks.add(Block.item(true, 1 + indent / 2, start, end));
    } else {
      blocks.add(Block.paragraph(start, end));
    }
    block.setLength(0);
  }

  /** The cells of a table row {@code | a | b |} starting at {@code offset}. */
  private static List<Block.Cell> cells(String row, int offset) {
    List<Block.Cell> cells = new ArrayList<>();
    int from = row.startsWith("|") ? 1 : 0;
    while (from <= row.length()) {
      int bar = row.indexOf('|', from);
      int to = bar < 0 ? row.length() : bar;
      if (bar < 0 && from == row.length()) {
        break;
      }
      String raw = row.substring(from, to);
      int lead = raw.length() - raw.stripLeading().length();
      int length = raw.strip().length();
      cells.add(new Block.Cell(offset + from + lead, offset + from + lead + length));
      if (bar < 0) {
        break;
      }
      from = bar + 1;
    }
    if (!cells.isEmpty() && row.endsWith("|") && cells.getLast().start() == cells.getLast().end()) {
      cells.removeLast();
    }
    return cells;
  }

  private void markHeaderRow() {
    if (!blocks.isEmpty() && blocks.getLast().kind() == Block.Kind.ROW) {
      Block row = blocks.removeLast();
      blocks.add(Block.row(true, row.cells(), row.start(), row.end()));
    }
  }

  private void newLine() {
    if (!text.isEmpty()) {
      text.append('\n');
    }
  }

  String text() {
    return text.toString();
  }

  List<Heading> headings() {
    return headings;
  }

  List<Block> blocks() {
    return blocks;
  }
}
