package io.groundwork.index;

/** Another process (a running server, or another ingestion) is writing the index. */
public class IndexLockedException extends RuntimeException {
  public IndexLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
