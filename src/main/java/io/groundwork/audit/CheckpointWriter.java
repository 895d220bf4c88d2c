package io.groundwork.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs one checkpoint of the chain's current state and stores it: first in the database (the
 * checkpoint's seq is its primary key, so of two instances signing at once one wins and the
 * other skips), then in the checkpoint log, which receives every checkpoint it has not yet
 * seen, including those of other instances. Nothing is signed when the chain has not grown
 * since the newest checkpoint, unless that checkpoint was signed by another key. Calls are
 * serialised; thread-safe.
 */
public final class CheckpointWriter {
  /** Opens connections to the audit database. */
  @FunctionalInterface
  public interface Connections {
    Connection open() throws SQLException;
  }

  private final CheckpointSigner signer;
  private final Connections connections;
  private final CheckpointLog log;
  private final Clock clock;
  private volatile long signedSize = -1;

  public CheckpointWriter(CheckpointSigner signer, Connections connections, CheckpointLog log,
      Clock clock) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public CheckpointSigner signer() {
    return signer;
  }

  public CheckpointLog log() {
    return log;
  }

  /** The size of the newest checkpoint this writer saw, or -1 before its first call. */
  public long signedSize() {
    return signedSize;
  }

  /**
   * Signs and stores a checkpoint when the chain has grown (or the key changed).
   *
   * @return the new checkpoint, or empty when there was nothing to sign or another instance
   *     signed the same seq first
   * @throws SQLException when the database cannot be read or written
   */
  public synchronized Optional<Checkpoint> checkpoint() throws SQLException {
    Checkpoint signed = null;
    try (Connection connection = connections.open()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        AuditTables tables = new AuditTables(connection);
        Optional<Checkpoint> latest = tables.latestCheckpoint();
        AuditTables.ChainHead head = tables.head();
        long size = latest.map(Checkpoint::treeSize).orElse(0L);
        boolean sameKey = latest.map(c -> c.keyId().equals(signer.keyId())).orElse(true);
        if (head.lastId() > size || (!sameKey && head.lastId() >= size)) {
          signed = signer.sign(latest.map(c -> c.seq() + 1).orElse(1L), head.lastId(),
              head.lastHash(), clock.instant(),
              latest.map(Checkpoint::hash).orElse(RecordHashes.GENESIS));
          try {
            tables.insert(signed);
          } catch (SQLException e) {
            connection.rollback();
            long seq = signed.seq();
            if (tables.latestCheckpoint().map(c -> c.seq() >= seq).orElse(false)) {
              signed = null; // another instance stored this seq first
            } else {
              throw e;
            }
          }
        }
        connection.commit();
        signedSize = signed != null ? signed.treeSize() : Math.max(size, signedSize);
        log.append(tables.checkpointsAfter(log.lastSeq()));
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
    return Optional.ofNullable(signed);
  }
}
