package io.groundwork.ingest;

import java.util.List;

/**
 * A contiguous passage of a parsed document, the unit that is embedded, indexed and cited.
 *
 * @param ordinal position of the chunk in its document, from 0
 * @param start offset of the first character in the document text
 * @param end offset after the last character in the document text
 * @param text the document text between {@code start} and {@code end}
 * @param headingPath titles of the headings enclosing the chunk, outermost first
 * @param page 1-based page of the chunk's first character, or 0 when the format has no pages
 * @param tokenCount tokens of {@code text} as the embedding model's tokenizer counts them
 */
public record Chunk(
    int ordinal, int start, int end, String text, List<String> headingPath, int page,
    int tokenCount) {

  public Chunk {
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must be >= 0, got " + ordinal);
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("invalid chunk span [" + start + ", " + end + ")");
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException("chunk text length does not match its span");
    }
    headingPath = List.copyOf(headingPath);
  }
}
