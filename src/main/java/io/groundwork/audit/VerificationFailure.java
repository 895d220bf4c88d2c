package io.groundwork.audit;

/**
 * A failed check: the record or checkpoint it concerns and why.
 *
 * @param recordId the first record that fails, or null
 * @param checkpointSeq the checkpoint that fails, or null
 * @param problem what is wrong
 */
record VerificationFailure(Long recordId, Long checkpointSeq, String problem) {
  static VerificationFailure record(long id, String problem) {
    return new VerificationFailure(id, null, problem);
  }

  static VerificationFailure checkpoint(long seq, String problem) {
    return new VerificationFailure(null, seq, problem);
  }

  /** Thrown to stop a check at its first failure. */
  static final class Found extends Exception {
    final VerificationFailure failure;

    Found(VerificationFailure failure) {
      super(failure.problem(), null, false, false);
      this.failure = failure;
    }
  }
}
