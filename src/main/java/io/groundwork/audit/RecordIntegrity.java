package io.groundwork.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The integrity of one record on its own: its content against its digest (or a retention
 * pruning that accounts for its missing content), its hash, its link to the record before, and
 * whether a checkpoint covers it. The whole trail's verification ({@link TrailVerifier}) is what
 * proves the chain; this is the record page's quick answer. Stateless; thread-safe.
 *
 * @param recordId the record
 * @param status {@code intact}, {@code pruned} (content pruned by retention, accounted for) or
 *     {@code broken}
 * @param problem what is wrong, or null
 * @param coveredByCheckpoint the seq of the first checkpoint covering it, or null
 */
public record RecordIntegrity(long recordId, String status, String problem,
    Long coveredByCheckpoint) {

  /** Checks record {@code id}; empty when there is no such record. */
  public static Optional<RecordIntegrity> check(Connection connection, long id)
      throws SQLException {
    AuditTables tables = new AuditTables(connection);
    List<StoredRecord> two = tables.records(Math.max(0, id - 2), id, 2);
    if (two.isEmpty() || two.get(two.size() - 1).id() != id) {
      return Optional.empty();
    }
    StoredRecord record = two.get(two.size() - 1);
    Long covered = tables.checkpoints().stream().filter(c -> c.treeSize() >= id)
        .map(Checkpoint::seq).findFirst().orElse(null);
    String expectedPrevious = id == 1 ? RecordHashes.GENESIS
        : two.size() == 2 ? two.get(0).recordHash() : null;
    String problem = null;
    boolean pruned = false;
    if (expectedPrevious == null) {
      problem = "record " + (id - 1) + " is missing";
    } else if (!record.previousHash().equals(expectedPrevious)) {
      problem = "does not link to the record before it";
    } else if (!RecordHashes.recordHash(record).equals(record.recordHash())) {
      problem = record.hashVersion() == 1 ? "content does not match its hash"
          : "metadata or content digest does not match its hash";
    } else if (record.hashVersion() == 2 && record.contentAbsent()) {
      problem = RetentionLedger.of(tables.retentionRecords(Long.MAX_VALUE))
          .unaccountedErasure(record);
      pruned = problem == null;
    } else if (record.hashVersion() == 2
        && !RecordHashes.contentDigest(record).equals(record.contentDigest())) {
      problem = "content does not match its digest";
    }
    return Optional.of(new RecordIntegrity(id, problem != null ? "broken"
        : pruned ? "pruned" : "intact", problem == null ? null : "record " + id + " " + problem,
        covered));
  }
}
