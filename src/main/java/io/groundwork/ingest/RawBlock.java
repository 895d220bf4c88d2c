package io.groundwork.ingest;

import java.util.List;

/**
 * A block as the parser met it, before boilerplate is removed and offsets are assigned.
 *
 * @param type what the parser saw
 * @param text the block's text, white space collapsed; for a table row, its cells joined
 * @param level heading level, or list depth for an item, else 0
 * @param cells a table row's cell texts; empty otherwise
 * @param page the 1-based page the block is on, or 0 when the format has no pages
 * @param boilerplate the markup says it is navigation, a running header or footer or a sidebar
 * @param lines how many lines of the source the block spans (a PDF paragraph's wrapped lines)
 */
record RawBlock(Type type, String text, int level, List<String> cells, int page,
    boolean boilerplate, int lines) {
  /** What the parser saw. */
  enum Type { HEADING, PARAGRAPH, ITEM, NUMBERED_ITEM, HEADER_ROW, ROW }

  RawBlock {
    cells = List.copyOf(cells);
  }

  RawBlock withType(Type newType, int newLevel, String newText) {
    return new RawBlock(newType, newText, newLevel, cells, page, boilerplate, lines);
  }
}
