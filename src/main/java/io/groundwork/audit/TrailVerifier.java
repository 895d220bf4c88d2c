package io.groundwork.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies the audit trail in a database: every record from the genesis hash, numbered without
 * gaps; the chain head row; and, when keys are given, every checkpoint (in the database and in
 * the checkpoint logs) by signature, order and link, and each checkpoint's size and head against
 * the recomputed chain. Used by {@code /api/audit/verify} and by the offline
 * {@code audit verify}. Safe while writers append (it checks the records up to the head it read
 * first). Immutable and thread-safe; each call uses the connection it is given.
 */
public final class TrailVerifier {
  private static final int PAGE = 1000;
  private final TrustedKeys keys;
  private final boolean strictKeys;

  /**
   * @param keys the keys checkpoints must be signed with; none = an unsigned trail
   * @param strictKeys true to fail on a checkpoint of a key not in {@code keys} (offline, where
   *     the auditor names every key), false to skip it (the server, which knows only its own)
   */
  public TrailVerifier(TrustedKeys keys, boolean strictKeys) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.strictKeys = strictKeys;
  }

  /**
   * Verifies the trail in {@code connection}'s database against its own checkpoint table and
   * {@code logs} (the checkpoint logs outside it).
   *
   * @throws SQLException when the database cannot be read
   */
  public AuditVerification verify(Connection connection, List<CheckpointSource> logs)
      throws SQLException {
    AuditTables tables = new AuditTables(connection);
    boolean signed = !keys.isEmpty();
    long[] skipped = {0};
    List<Checkpoint> checkpoints = List.of();
    // Checkpoints first, then the head: every checkpoint read is then at most the head's size.
    List<CheckpointSource> sources = new ArrayList<>();
    if (signed) {
      sources.add(CheckpointSource.of("database table audit_checkpoints", tables.checkpoints()));
      sources.addAll(logs);
    }
    AuditTables.ChainHead head = tables.head();
    long walked = 0;
    try {
      if (signed) {
        checkpoints = CheckpointChecks.merge(sources, keys, strictKeys, strictKeys, skipped);
        if (skipped[0] == 0 && !checkpoints.isEmpty() && checkpoints.get(0).seq() != 1) {
          throw new VerificationFailure.Found(VerificationFailure.checkpoint(
              checkpoints.get(0).seq(), "checkpoints 1.." + (checkpoints.get(0).seq() - 1)
              + " are missing from every source"));
        }
      }
      ChainWalk walk = new ChainWalk(1, RecordHashes.GENESIS, checkpoints,
          RetentionLedger.of(tables.retentionRecords(head.lastId())));
      long after = 0;
      while (true) {
        List<StoredRecord> page = tables.records(after, head.lastId(), PAGE);
        for (StoredRecord record : page) {
          walk.accept(record, true);
          after = record.id();
        }
        if (page.size() < PAGE) {
          break;
        }
      }
      walked = walk.walked();
      walk.finish(false);
      if (walked != head.lastId() || !walk.head().equals(head.lastHash())) {
        throw new VerificationFailure.Found(VerificationFailure.record(walked + 1,
            "the chain head names record " + head.lastId() + ", the newest record is " + walked
            + (walked < head.lastId() ? ": records " + (walked + 1) + ".." + head.lastId()
                + " were removed" : " and its hash differs from the head's")));
      }
      long newest = maxId(connection);
      long headNow = tables.head().lastId();
      if (newest > headNow) {
        throw new VerificationFailure.Found(VerificationFailure.record(headNow + 1,
            "records " + (headNow + 1) + ".." + newest + " lie beyond the chain head (record "
            + headNow + "): the head was moved back"));
      }
    } catch (VerificationFailure.Found e) {
      return new AuditVerification(false, signed, walked, checkpoints.size(), covered(checkpoints),
          newestTime(checkpoints), e.failure.recordId(), e.failure.checkpointSeq(),
          e.failure.problem(), note(signed, skipped[0]));
    }
    return new AuditVerification(true, signed, walked, checkpoints.size(), covered(checkpoints),
        newestTime(checkpoints), null, null, null, note(signed, skipped[0]));
  }

  private static long maxId(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT COALESCE(MAX(id), 0) FROM audit_records");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long covered(List<Checkpoint> checkpoints) {
    return checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).treeSize();
  }

  private static java.time.Instant newestTime(List<Checkpoint> checkpoints) {
    return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1).signedAt();
  }

  private static String note(boolean signed, long skipped) {
    if (!signed) {
      return "unsigned: no signing key is configured, so nothing outside the database vouches"
          + " for the chain";
    }
    return skipped == 0 ? null : skipped + " checkpoints signed by other (earlier) keys were not"
        + " checked here; verify them offline with those keys' public key files";
  }
}
