package io.groundwork.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a parsed file with its structure. Offsets everywhere (headings, pages, chunks,
 * citations) refer to {@link #text()}, which is what the source viewer shows.
 *
 * @param title the document title (metadata title, else first heading, else file name)
 * @param mediaType the detected media type
 * @param text the extracted text, one block (paragraph, heading, list item) per line
 * @param headings headings in order of appearance
 * @param pageStarts offset at which each page begins (empty for formats without pages)
 * @param blocks the document's structure over {@code text}: headings, paragraphs, list items,
 *     table rows and page breaks, in order (empty when the parser recovered none)
 * @param boilerplateBlocks blocks left out of {@code text} as boilerplate: running headers and
 *     footers, page numbers, navigation
 */
public record ParsedDocument(
    String title, String mediaType, String text, List<Heading> headings, List<Integer> pageStarts,
    List<Block> blocks, int boilerplateBlocks) {

  public ParsedDocument {
    headings = List.copyOf(headings);
    pageStarts = List.copyOf(pageStarts);
    blocks = List.copyOf(blocks);
    if (boilerplateBlocks < 0) {
      throw new IllegalArgumentException("boilerplateBlocks must be >= 0, got " + boilerplateBlocks);
    }
  }

  /** A document without recovered block structure or boilerplate (a corpus given as text). */
  public ParsedDocument(
      String title, String mediaType, String text, List<Heading> headings, List<Integer> pageStarts) {
    this(title, mediaType, text, headings, pageStarts, List.of(), 0);
  }

  /** The titles of the headings enclosing {@code offset}, outermost first. */
  public List<String> headingPath(int offset) {
    List<Heading> path = new ArrayList<>();
    for (Heading heading : headings) {
      if (heading.start() > offset) {
        break;
      }
      while (!path.isEmpty() && path.getLast().level() >= heading.level()) {
        path.removeLast();
      }
      path.add(heading);
    }
    return path.stream().map(Heading::text).toList();
  }

  /** The 1-based page holding {@code offset}, or 0 when the format has no pages. */
  public int pageAt(int offset) {
    int page = 0;
    for (int i = 0; i < pageStarts.size() && pageStarts.get(i) <= offset; i++) {
      page = i + 1;
    }
    return page;
  }
}
