package io.groundwork.ingest;

/** Text cut to the length of the database column that stores it. */
final class ColumnText {
  private ColumnText() {}

  static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
