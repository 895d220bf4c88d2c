package io.groundwork.postgres;

import io.groundwork.index.ChunkWriter;
import io.groundwork.index.IndexedChunk;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;

/**
 * {@link ChunkWriter} of the PostgreSQL store mode: writes each chunk's vector, access groups and
 * source into its row and appends the document's entry to the {@link ChangeFeed}, in the
 * transaction that stores (or deletes) the document's rows, so that all of it commits together
 * or not at all. Every replica's local BM25 index follows the feed ({@link ReplicaSync}); this
 * replica's is woken after each document and caught up on {@link #commit()} (read-your-writes).
 * Thread-safe.
 */
public final class PostgresChunkWriter implements ChunkWriter {
  private final EntityManager em;
  private final ChangeFeed feed;
  private final ReplicaSync replica;

  /** {@code em}: the PostgreSQL persistence unit's, whose transaction stores the documents. */
  public PostgresChunkWriter(EntityManager em, ChangeFeed feed, ReplicaSync replica) {
    this.em = Objects.requireNonNull(em, "em");
    this.feed = Objects.requireNonNull(feed, "feed");
    this.replica = Objects.requireNonNull(replica, "replica");
  }

  /** Nothing to lock or count: each document's transaction is durable by itself. */
  @Override
  public void begin(int commitEvery) {}

  /** Always true: the chunks are rows that commit together with their document's row. */
  @Override
  public boolean holds(String documentId, int chunkCount) {
    return true;
  }

  /** Call after the chunk rows are written, inside their transaction. */
  @Override
  public void replaceDocument(String documentId, List<IndexedChunk> chunks, List<float[]> vectors) {
    feed.recordUpsert(em, documentId, chunks, vectors);
  }

  /** Call inside the transaction that deletes the document's rows. */
  @Override
  public void deleteDocument(String documentId) {
    feed.recordDelete(em, documentId);
  }

  /** Wakes this replica's change-feed follower, which applies the entry on its own thread. */
  @Override
  public void documentCommitted() {
    replica.wakeUp();
  }

  /** Returns when this replica's local index has every change committed so far. */
  @Override
  public void commit() {
    replica.catchUp();
  }
}
