package io.groundwork.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers blocks and headings from plain text and Markdown: lines of a paragraph are joined,
 * blank lines and list items start new blocks, and ATX ({@code ## Title}) and setext
 * ({@code Title} over {@code ====}) headings become headings with their markers removed.
 * Inline Markdown emphasis markers are removed so that citations quote clean text.
 */
final class PlainTextStructure {
  private static final Pattern ATX = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern SETEXT = Pattern.compile("^(=+|-+)\\s*$");
  private static final Pattern BLOCK_START =
      Pattern.compile("^\\s*([-*+]\\s+|\\d+[.)]\\s+|\\|)");
  private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|`)");

  private final StringBuilder text = new StringBuilder();
  private final List<Heading> headings = new ArrayList<>();

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
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      Matcher atx = ATX.matcher(line);
      boolean setextNext = i + 1 < lines.length && !line.isEmpty()
          && SETEXT.matcher(lines[i + 1].strip()).matches() && block.isEmpty()
          && lines[i + 1].strip().length() >= 3;
      if (atx.matches()) {
        flush(block);
        addHeading(atx.group(1).length(), clean(atx.group(2)));
      } else if (setextNext) {
        flush(block);
        addHeading(lines[i + 1].strip().charAt(0) == '=' ? 1 : 2, clean(line));
        i++;
      } else if (line.isEmpty() || line.matches("^(-{3,}|\\*{3,}|_{3,})$")) {
        flush(block);
      } else {
        if (BLOCK_START.matcher(line).find()) {
          flush(block);
        }
        if (!block.isEmpty()) {
          block.append(' ');
        }
        block.append(clean(line));
      }
    }
    flush(block);
  }

  private static String clean(String line) {
    return EMPHASIS.matcher(line).replaceAll("").replaceAll("\\s+", " ").strip();
  }

  private void addHeading(int level, String heading) {
    if (heading.isEmpty()) {
      return;
    }
    newLine();
    headings.add(new Heading(level, heading, text.length()));
    text.append(heading);
  }

  private void flush(StringBuilder block) {
    if (block.isEmpty()) {
      return;
    }
    newLine();
    text.append(block);
    block.setLength(0);
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
}
