package io.groundwork.ingest;

/** A file could not be turned into text; the message says why, for the ingestion report. */
public class DocumentParseException extends Exception {
  public DocumentParseException(String message) {
    super(message);
  }

  public DocumentParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
