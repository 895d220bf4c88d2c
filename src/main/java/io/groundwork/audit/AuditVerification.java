package io.groundwork.audit;

import java.time.Instant;

/**
 * The result of verifying the audit trail (the hash chain, its head and, when signed, every
 * checkpoint). Immutable.
 *
 * @param intact true when every check passed
 * @param signed true when checkpoint signatures were checked against a public key
 * @param records records checked
 * @param checkpoints checkpoints whose signature verified
 * @param coveredRecords records covered by the newest verified checkpoint
 * @param newestCheckpointAt when the newest verified checkpoint was signed, or null
 * @param firstBrokenId id of the first record that fails a check, or null
 * @param failedCheckpoint seq of the checkpoint that fails a check, or null
 * @param problem what is wrong, or null
 * @param note what was not checked and why (unsigned trail, keys not given), or null
 */
public record AuditVerification(boolean intact, boolean signed, long records, long checkpoints,
    long coveredRecords, Instant newestCheckpointAt, Long firstBrokenId, Long failedCheckpoint,
    String problem, String note) {

  /** A one-line summary, as the CLI prints it. */
  public String summary() {
    if (!intact) {
      String where = firstBrokenId != null ? "record " + firstBrokenId
          : failedCheckpoint != null ? "checkpoint " + failedCheckpoint : "trail";
      return "FAILED at " + where + ": " + problem;
    }
    StringBuilder text = new StringBuilder("intact: " + records + " records");
    if (signed) {
      text.append(", ").append(checkpoints).append(" signed checkpoints");
      if (checkpoints > 0) {
        text.append(", the newest covers ").append(coveredRecords).append(" records (signed ")
            .append(newestCheckpointAt).append(')');
      }
      if (records > coveredRecords) {
        text.append("; records ").append(coveredRecords + 1).append("..").append(records)
            .append(" are not covered by a checkpoint yet");
      }
    } else {
      text.append(", unsigned");
    }
    if (note != null) {
      text.append(" (").append(note).append(')');
    }
    return text.toString();
  }
}
