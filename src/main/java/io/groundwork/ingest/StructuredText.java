package io.groundwork.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parse's {@link RawBlock}s into the document text (one block per line), its headings,
 * page starts and {@link Block} structure, leaving boilerplate out.
 *
 * <p>Boilerplate is what the markup marks as such (HTML navigation, page header and footer,
 * sidebars; Word headers and footers never reach here, Tika is told to leave them out) and the
 * running headers, footers and page numbers of a paged document ({@link RunningLines}). It is
 * removed from the text, so it can never be chunked, embedded, retrieved or quoted as an answer;
 * the document title stays searchable through the title that every chunk carries.
 *
 * <p>Some structure is recovered where the format has no markup for it: a first line equal to
 * the document's title becomes its level-1 heading; a paragraph starting with a bullet glyph is a
 * list item (the glyph written as "- ", as in Markdown) and one starting "1." or "1)" a numbered
 * item, and a run of numbered items that all say "1." is numbered 1, 2, 3 as the word processor
 * shows it; and in a paged document whose parse has no headings (PDF), a short single line
 * without closing punctuation that is followed by body text is a level-2 heading. A table row is
 * one line, its cells separated by {@value #CELL_SEPARATOR}, so that a quoted row still reads as
 * cells. Stateless and thread-safe.
 */
final class StructuredText {
  /** Written between the cells of a table row. */
  static final String CELL_SEPARATOR = " | ";
  private static final Pattern BULLET = Pattern.compile("^[\\u2022\\u00B7\\u25AA\\u25E6\\u25CF\\u2023\\u2043\\u25A0\\u27A2\\uF0B7]\\s*");
  /** A numbered item, its number and the character after it: "12. Pay" is ("12", "."). */
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})([.)])\\s+\\S");
  /** Longest inferred heading, in words and characters. */
  private static final int HEADING_WORDS = 12;
  private static final int HEADING_CHARS = 90;

  private StructuredText() {}

  /** The result of {@link #assemble}. */
  record Result(String text, List<Heading> headings, List<Integer> pageStarts, List<Block> blocks,
      int boilerplateBlocks) {}

  /**
   * Assembles {@code raw} (in document order) of a document titled {@code title} with
   * {@code pages} pages (0 when the format has none).
   */
  static Result assemble(List<RawBlock> raw, String title, int pages) {
    Set<Integer> running = pages > 0 ? RunningLines.find(raw) : Set.of();
    List<RawBlock> kept = new ArrayList<>();
    int removed = 0;
    for (int i = 0; i < raw.size(); i++) {
      if (raw.get(i).boilerplate() || running.contains(i)) {
        removed++;
      } else {
        kept.add(lists(raw.get(i)));
      }
    }
    renumberRepeatedItems(kept);
    titleHeading(kept, title);
    if (pages > 0 && kept.stream().noneMatch(b -> b.type() == RawBlock.Type.HEADING && b.level() > 1)) {
      inferHeadings(kept);
    }
    return build(kept, pages, removed);
  }

  private static RawBlock lists(RawBlock block) {
    if (block.type() != RawBlock.Type.PARAGRAPH) {
      return block;
    }
    Matcher bullet = BULLET.matcher(block.text());
    if (bullet.find() && bullet.end() < block.text().length()) {
      return block.withType(RawBlock.Type.ITEM, 1, "- " + block.text().substring(bullet.end()));
    }
    if (NUMBERED.matcher(block.text()).find()) {
      return block.withType(RawBlock.Type.NUMBERED_ITEM, 1, block.text());
    }
    return block;
  }

  /**
   * Numbers a run of consecutive numbered items that all carry the same number ("1. Upload ...",
   * "1. Legal checks ...", "1. The signatory ...") from that number up, as the word processor
   * shows them: a parse of a Word list whose numbering restarts by override writes the first
   * number on every item. A run numbered in any other way is left as written.
   */
  private static void renumberRepeatedItems(List<RawBlock> blocks) {
    int i = 0;
    while (i < blocks.size()) {
      int end = i;
      while (end < blocks.size() && blocks.get(end).type() == RawBlock.Type.NUMBERED_ITEM
          && blocks.get(end).level() == blocks.get(i).level()) {
        end++;
      }
      List<Matcher> numbers = new ArrayList<>();
      for (int j = i; j < end; j++) {
        Matcher number = NUMBERED.matcher(blocks.get(j).text());
        if (!number.find() || !numbers.isEmpty() && !sameNumber(number, numbers.getFirst())) {
          break;
        }
        numbers.add(number);
      }
      if (numbers.size() >= 2 && numbers.size() == end - i) {
        int value = Integer.parseInt(numbers.getFirst().group(1));
        for (int j = 1; j < numbers.size(); j++) {
          RawBlock item = blocks.get(i + j);
          blocks.set(i + j, item.withType(item.type(), item.level(),
              (value + j) + item.text().substring(numbers.get(j).end(1))));
        }
      }
      i = Math.max(end, i + 1);
    }
  }

  private static boolean sameNumber(Matcher a, Matcher b) {
    return a.group(1).equals(b.group(1)) && a.group(2).equals(b.group(2));
  }

  private static void titleHeading(List<RawBlock> blocks, String title) {
    if (blocks.isEmpty() || title == null || title.isBlank()) {
      return;
    }
    RawBlock first = blocks.getFirst();
    if (first.type() == RawBlock.Type.PARAGRAPH && same(first.text(), title)) {
      blocks.set(0, first.withType(RawBlock.Type.HEADING, 1, first.text()));
    }
  }

  private static boolean same(String a, String b) {
    return a.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
        .equals(b.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
  }

  private static void inferHeadings(List<RawBlock> blocks) {
    for (int i = 0; i + 1 < blocks.size(); i++) {
      RawBlock block = blocks.get(i);
      RawBlock next = blocks.get(i + 1);
      if (headingLike(block) && !headingLike(next) && next.type() != RawBlock.Type.HEADING) {
        blocks.set(i, block.withType(RawBlock.Type.HEADING, 2, block.text()));
      }
    }
  }

  private static boolean headingLike(RawBlock block) {
    String text = block.text();
    if (block.type() != RawBlock.Type.PARAGRAPH || block.lines() > 1
        || text.length() > HEADING_CHARS || text.split("\\s+").length > HEADING_WORDS) {
      return false;
    }
    char first = text.charAt(0);
    char last = text.charAt(text.length() - 1);
    return (Character.isUpperCase(first) || Character.isDigit(first))
        && ".,;:!?".indexOf(last) < 0;
  }

  private static Result build(List<RawBlock> raw, int pages, int removed) {
    StringBuilder text = new StringBuilder();
    List<Heading> headings = new ArrayList<>();
    List<Integer> pageStarts = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    int page = 0;
    for (RawBlock block : raw) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      while (block.page() > page) {
        page++;
        pageStarts.add(text.length());
        blocks.add(Block.page(page, text.length()));
      }
      int start = text.length();
      switch (block.type()) {
        case HEADING -> {
          text.append(block.text());
          headings.add(new Heading(block.level(), block.text(), start));
          blocks.add(Block.heading(block.level(), start, text.length()));
        }
        case ITEM, NUMBERED_ITEM -> {
          text.append(block.text());
          blocks.add(Block.item(block.type() == RawBlock.Type.NUMBERED_ITEM, block.level(),
              start + Block.markerLength(block.text()), text.length()));
        }
        case HEADER_ROW, ROW -> {
          List<Block.Cell> cells = new ArrayList<>();
          for (String cell : block.cells()) {
            if (cell.isEmpty()) {
              cells.add(new Block.Cell(text.length(), text.length()));
              continue;
            }
            if (text.length() > start) {
              text.append(CELL_SEPARATOR);
            }
            cells.add(new Block.Cell(text.length(), text.length() + cell.length()));
            text.append(cell);
          }
          blocks.add(Block.row(block.type() == RawBlock.Type.HEADER_ROW, cells, start,
              text.length()));
        }
        case PARAGRAPH -> {
          text.append(block.text());
          blocks.add(Block.paragraph(start, text.length()));
        }
      }
    }
    // Pages after the last text (emptied by boilerplate removal) still begin somewhere.
    while (page < pages) {
      page++;
      pageStarts.add(text.length());
    }
    return new Result(text.toString(), headings, pageStarts, blocks, removed);
  }
}
