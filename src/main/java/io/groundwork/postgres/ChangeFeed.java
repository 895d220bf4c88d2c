package io.groundwork.postgres;

import io.groundwork.index.IndexedChunk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Writes a document's PostgreSQL-only data (embedding, access groups, source of each chunk) and
 * its change-feed entry, inside the caller's transaction, the one that stores the document: the
 * document, its chunks and its feed entry commit together or not at all.
 *
 * <p>Writers take one advisory transaction lock before appending, so feed sequence numbers are
 * handed out in commit order and a replica that has applied entry N has seen every entry before
 * it. {@code pg_notify} wakes replicas up when the transaction commits; the table, not the
 * notification, is the record. Used by {@link PostgresChunkWriter}. Thread-safe.
 */
@ApplicationScoped
public class ChangeFeed {
  /** The NOTIFY channel replicas listen on. */
  public static final String CHANNEL = "groundwork_change_feed";
  /** Advisory lock key that serialises appends to the feed ("GWFEED"). */
  static final long APPEND_LOCK = 0x475746454544L;

  /**
   * Records that {@code documentId} now has {@code chunks} (already flushed as rows) with
   * {@code vectors} in the same order. Call inside the document's transaction.
   */
  public void recordUpsert(EntityManager em, String documentId, List<IndexedChunk> chunks,
      List<float[]> vectors) {
    if (chunks.size() != vectors.size()) {
      throw new IllegalArgumentException(chunks.size() + " chunks but " + vectors.size() + " vectors");
    }
    em.flush();
    em.unwrap(Session.class).doWork(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE chunks SET source_name = ?,"
          + " access_groups = ?, embedding = CAST(? AS vector) WHERE id = ?")) {
        for (int i = 0; i < chunks.size(); i++) {
          IndexedChunk chunk = chunks.get(i);
          update.setString(1, chunk.sourceName());
          update.setArray(2, connection.createArrayOf("text",
              new TreeSet<>(chunk.groups()).toArray(String[]::new)));
          update.setString(3, PgVectors.literal(vectors.get(i)));
          update.setString(4, chunk.chunkId());
          update.addBatch();
        }
        update.executeBatch();
      }
      append(connection, documentId, "UPSERT");
    });
  }

  /** Records that {@code documentId} was deleted. Call inside the deleting transaction. */
  public void recordDelete(EntityManager em, String documentId) {
    em.flush();
    em.unwrap(Session.class).doWork(connection -> append(connection, documentId, "DELETE"));
  }

  private static void append(Connection connection, String documentId, String operation)
      throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, APPEND_LOCK);
      lock.execute();
    }
    long seq;
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO change_feed (document_id, operation) VALUES (?, ?) RETURNING seq")) {
      insert.setString(1, documentId);
      insert.setString(2, operation);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        seq = rs.getLong(1);
      }
    }
    try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, CHANNEL);
      notify.setString(2, Long.toString(seq));
      notify.execute();
    }
  }
}
