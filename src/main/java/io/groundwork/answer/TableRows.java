package io.groundwork.answer;

import java.util.regex.Pattern;

/**
 * Table rows in a chunk's text, where each row is a line of cells: "| Limit | Starter | Team |"
 * as Markdown writes them, "Supplier contracts | Finance Director | CFO" as ingestion writes
 * the rows of Word and HTML tables. The header row is the first row of a run of rows that
 * follows a line of other text; a run at the very start of a chunk may have begun in the chunk
 * before, so its first row is not taken for a header. Stateless and thread-safe.
 */
final class TableRows {
  /** A line of cells: one that opens with a pipe, or that holds a cell separator. */
  private static final Pattern ROW = Pattern.compile("^\\s*\\|.*\\||.\\s\\|\\s.");

  private TableRows() {}

  /** Whether the line of {@code text} holding offset {@code at} is a table row. */
  static boolean isRow(String text, int at) {
    return ROW.matcher(line(text, lineStart(text, at))).find();
  }

  /**
   * Whether the line holding offset {@code at} is the header row of a table: a row after a line
   * that is not one.
   */
  static boolean isHeader(String text, int at) {
    int start = lineStart(text, at);
    return start > 0 && isRow(text, start) && !isRow(text, lineStart(text, start - 1));
  }

  /**
   * The offset of the header row of the table whose row holds offset {@code at}, or -1 when the
   * table has none in {@code text} (its rows run back to the start of the text).
   */
  static int headerOf(String text, int at) {
    int start = lineStart(text, at);
    while (isRow(text, start)) {
      if (isHeader(text, start)) {
        return start;
      }
      if (start == 0) {
        return -1;
      }
      start = lineStart(text, start - 1);
    }
    return -1;
  }

  private static int lineStart(String text, int at) {
    int bounded = Math.max(0, Math.min(at, text.length()));
    return bounded == 0 ? 0 : text.lastIndexOf('\n', bounded - 1) + 1;
  }

  private static String line(String text, int start) {
    int end = text.indexOf('\n', start);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
