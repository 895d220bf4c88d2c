package io.groundwork.ingest;

/**
 * A file could not be turned into text; the message says why, for the ingestion report, and the
 * {@link FailureReason} classifies it for metrics ({@link FailureReason#MALFORMED} unless given).
 */
public class DocumentParseException extends Exception {
  private final FailureReason reason;

  public DocumentParseException(String message) {
    this(FailureReason.MALFORMED, message);
  }

  public DocumentParseException(String message, Throwable cause) {
    this(FailureReason.MALFORMED, message, cause);
  }

  public DocumentParseException(FailureReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DocumentParseException(FailureReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The class of this failure. */
  public FailureReason reason() {
    return reason;
  }
}
