package io.groundwork.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plain-JDBC access to the audit tables ({@code audit_records}, {@code audit_chain_head},
 * {@code audit_checkpoints}) in the SQL that H2 and PostgreSQL share, so that the offline
 * verifier needs no running application. Not thread-safe: one instance per connection, which
 * the caller owns (and commits).
 */
public final class AuditTables {
  private static final String RECORD_COLUMNS = "id, created_at, hash_version, action, username,"
      + " user_groups, question, request, retrieved, answer, refused, citations, answerer,"
      + " prompt_version, latencies, verification, fallback_reason, details, content_digest,"
      + " previous_hash, record_hash";
  private static final String CHECKPOINT_COLUMNS =
      "seq, tree_size, head_hash, signed_at, previous_hash, key_id, signature";

  private final Connection connection;

  public AuditTables(Connection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** The chain head row: the newest record's id and hash as the writers left them. */
  public record ChainHead(long lastId, String lastHash) {}

  /** The chain head row; when absent, the schema was not migrated. */
  public ChainHead head() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new SQLException("audit_chain_head has no row: the chain head was deleted or the"
            + " schema was not migrated");
      }
      return new ChainHead(rows.getLong(1), rows.getString(2));
    }
  }

  /** Up to {@code limit} records with {@code afterId < id <= maxId}, by id. */
  public List<StoredRecord> records(long afterId, long maxId, int limit) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + RECORD_COLUMNS
        + " FROM audit_records WHERE id > ? AND id <= ? ORDER BY id")) {
      statement.setLong(1, afterId);
      statement.setLong(2, maxId);
      statement.setMaxRows(limit);
      statement.setFetchSize(Math.min(limit, 500));
      return readRecords(statement);
    }
  }

  /**
   * The retention records (pruning, legal holds set and lifted) with ids up to {@code maxId}, by
   * id, with their content: few, and read before a walk so that it can tell pruning from erasure.
   */
  public List<StoredRecord> retentionRecords(long maxId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + RECORD_COLUMNS
        + " FROM audit_records WHERE action IN (?, ?, ?) AND id <= ? ORDER BY id")) {
      statement.setString(1, RetentionLedger.PRUNE);
      statement.setString(2, RetentionLedger.HOLD_SET);
      statement.setString(3, RetentionLedger.HOLD_LIFTED);
      statement.setLong(4, maxId);
      return readRecords(statement);
    }
  }

  /**
   * The ids of the first and last record created in {@code [from, to)} (either may be null:
   * unbounded), or empty when there is none. Times grow with ids, so every record between the two
   * lies in the range.
   */
  public Optional<long[]> idRange(OffsetDateTime from, OffsetDateTime to) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT MIN(id), MAX(id) FROM audit_records WHERE 1 = 1");
    if (from != null) {
      sql.append(" AND created_at >= ?");
    }
    if (to != null) {
      sql.append(" AND created_at < ?");
    }
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int i = 1;
      if (from != null) {
        statement.setObject(i++, from);
      }
      if (to != null) {
        statement.setObject(i, to);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        long first = rows.getLong(1);
        return rows.wasNull() ? Optional.empty() : Optional.of(new long[] {first, rows.getLong(2)});
      }
    }
  }

  /** Every checkpoint, by seq. */
  public List<Checkpoint> checkpoints() throws SQLException {
    return checkpointsAfter(0);
  }

  /** Checkpoints with a seq above {@code seq}, by seq. */
  public List<Checkpoint> checkpointsAfter(long seq) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + CHECKPOINT_COLUMNS
        + " FROM audit_checkpoints WHERE seq > ? ORDER BY seq")) {
      statement.setLong(1, seq);
      try (ResultSet rows = statement.executeQuery()) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        while (rows.next()) {
          checkpoints.add(checkpoint(rows));
        }
        return checkpoints;
      }
    }
  }

  /** The checkpoint with the highest seq. */
  public Optional<Checkpoint> latestCheckpoint() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + CHECKPOINT_COLUMNS
            + " FROM audit_checkpoints WHERE seq = (SELECT MAX(seq) FROM audit_checkpoints)");
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(checkpoint(rows)) : Optional.empty();
    }
  }

  /** Inserts {@code checkpoint}; fails on a duplicate seq (another writer was first). */
  public void insert(Checkpoint checkpoint) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("INSERT INTO audit_checkpoints"
        + " (" + CHECKPOINT_COLUMNS + ", checkpoint_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setLong(1, checkpoint.seq());
      statement.setLong(2, checkpoint.treeSize());
      statement.setString(3, checkpoint.headHash());
      statement.setObject(4, checkpoint.signedAt().atOffset(ZoneOffset.UTC));
      statement.setString(5, checkpoint.previousHash());
      statement.setString(6, checkpoint.keyId());
      statement.setString(7, checkpoint.signature());
      statement.setString(8, checkpoint.hash());
      statement.executeUpdate();
    }
  }

  private static Checkpoint checkpoint(ResultSet rows) throws SQLException {
    return new Checkpoint(rows.getLong(1), rows.getLong(2), rows.getString(3),
        instant(rows, 4).toInstant(), rows.getString(5), rows.getString(6), rows.getString(7));
  }

  private static List<StoredRecord> readRecords(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      List<StoredRecord> records = new ArrayList<>();
      while (rows.next()) {
        records.add(new StoredRecord(rows.getLong(1), instant(rows, 2).toInstant(), rows.getInt(3),
            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
            rows.getString(8), rows.getString(9), rows.getString(10), rows.getBoolean(11),
            rows.getString(12), rows.getString(13), rows.getString(14), rows.getString(15),
            rows.getString(16), rows.getString(17), rows.getString(18), rows.getString(19),
            rows.getString(20), rows.getString(21)));
      }
      return records;
    }
  }

  private static OffsetDateTime instant(ResultSet rows, int column) throws SQLException {
    OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
    if (time == null) {
      Timestamp timestamp = rows.getTimestamp(column);
      return timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
    return time;
  }
}
