package io.groundwork.ingest;

/**
 * Why a file could not be ingested, as a small closed set for metrics and dashboards (the
 * ingestion report keeps the full message).
 */
public enum FailureReason {
  /** The file has no bytes. */
  EMPTY("empty"),
  /** The detected media type is not one Groundwork parses. */
  UNSUPPORTED_TYPE("unsupported_type"),
  /** The parser read the file but found no text in it. */
  NO_TEXT("no_text"),
  /** The file's bytes (or the text extracted from them) are not text, whatever its name says. */
  NOT_TEXT("not_text"),
  /** The parser rejected the file as broken, too large when expanded, or too slow to parse. */
  MALFORMED("malformed"),
  /** The file is larger than {@code groundwork.ingest.max-file-bytes}. */
  TOO_LARGE("too_large"),
  /** The file could not be read (I/O error). */
  UNREADABLE("unreadable"),
  /** An unexpected error while embedding, indexing or storing it. */
  INTERNAL("internal");

  private final String label;

  FailureReason(String label) {
    this.label = label;
  }

  /** The value of the {@code reason} tag of {@code groundwork.ingest.failures}. */
  public String label() {
    return label;
  }
}
