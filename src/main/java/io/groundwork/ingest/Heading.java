package io.groundwork.ingest;

/**
 * A heading found in a parsed document.
 *
 * @param level 1 for a top-level heading, up to 6
 * @param text the heading's text
 * @param start offset of the heading's first character in the parsed text
 */
public record Heading(int level, String text, int start) {
  public Heading {
    if (level < 1 || level > 6) {
      throw new IllegalArgumentException("heading level must be 1..6, got " + level);
    }
    if (start < 0) {
      throw new IllegalArgumentException("heading start must be >= 0, got " + start);
    }
  }
}
