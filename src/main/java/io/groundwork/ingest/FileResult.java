package io.groundwork.ingest;

/**
 * What happened to one file: its outcome, the detail shown to the user, the chunks written, and
 * the reason, set exactly when it failed.
 */
record FileResult(FileOutcome kind, String detail, int chunks, FailureReason reason) {
  static FileResult ingested(int chunks) {
    return new FileResult(FileOutcome.INGESTED, chunks + " chunks", chunks, null);
  }

  static FileResult unchanged() {
    return new FileResult(FileOutcome.UNCHANGED, "", 0, null);
  }

  static FileResult failed(String detail, FailureReason reason) {
    return new FileResult(FileOutcome.FAILED, detail, 0, reason);
  }

  static FileResult removed() {
    return new FileResult(FileOutcome.REMOVED, "", 0, null);
  }
}
