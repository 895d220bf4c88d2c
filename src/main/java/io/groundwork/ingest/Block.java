package io.groundwork.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * One block of a document's structure, as the passage view renders it: a heading, a paragraph,
 * a list item, a table row or a page break. A block points into the document text by offsets, so
 * that a citation's span can be highlighted inside the structure; the text itself is never
 * repeated. Blocks are in document order and do not overlap.
 *
 * @param kind what the block is
 * @param start offset of the block's first character in the document text
 * @param end offset after its last character ({@code start} for a page break)
 * @param level the heading level (1..6) for a heading, the nesting depth (1 = top level) for a
 *     list item, the 1-based page number for a page break, and 0 otherwise
 * @param cells for a table row, the span of each cell in the document text; empty otherwise
 */
public record Block(Kind kind, int start, int end, int level, List<Cell> cells) {
  /** What a block is. */
  public enum Kind {
    HEADING, PARAGRAPH, ITEM, NUMBERED_ITEM, HEADER_ROW, ROW, PAGE
  }

  /** A table cell's span in the document text. */
  public record Cell(int start, int end) {
    public Cell {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("invalid cell span [" + start + ", " + end + ")");
      }
    }
  }

  public Block {
    if (kind == null) {
      throw new IllegalArgumentException("block kind must not be null");
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid block span [" + start + ", " + end + ")");
    }
    if (kind == Kind.HEADING && (level < 1 || level > 6)) {
      throw new IllegalArgumentException("heading level must be 1..6, got " + level);
    }
    cells = cells == null ? List.of() : List.copyOf(cells);
  }

  /** Length of a bullet marker ("- ", "* ", "+ ") opening a list item's text, else 0. */
  static int markerLength(String itemText) {
    java.util.regex.Matcher marker = MARKER.matcher(itemText);
    return marker.find() && marker.end() < itemText.length() ? marker.end() : 0;
  }

  private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("^[-*+]\\s+");

  /** {@code blocks} as the JSON array stored with a document and served by the document API. */
  public static String toJson(List<Block> blocks) {
    try {
      return JSON.writeValueAsString(blocks);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write blocks as JSON", e);
    }
  }

  /** The blocks of {@link #toJson}; an empty list for null or blank. */
  public static List<Block> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.of(JSON.readValue(json, Block[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored document structure is not valid: "
          + e.getOriginalMessage(), e);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static Block heading(int level, int start, int end) {
    return new Block(Kind.HEADING, start, end, level, List.of());
  }

  static Block paragraph(int start, int end) {
    return new Block(Kind.PARAGRAPH, start, end, 0, List.of());
  }

  static Block item(boolean numbered, int depth, int start, int end) {
    return new Block(numbered ? Kind.NUMBERED_ITEM : Kind.ITEM, start, end, Math.max(1, depth),
        List.of());
  }

  static Block row(boolean header, List<Cell> cells, int start, int end) {
    return new Block(header ? Kind.HEADER_ROW : Kind.ROW, start, end, 0, cells);
  }

  static Block page(int number, int offset) {
    return new Block(Kind.PAGE, offset, offset, number, List.of());
  }
}
