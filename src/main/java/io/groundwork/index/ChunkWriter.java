package io.groundwork.index;

import java.util.List;

/**
 * The write side of the chunk index: what ingestion changes, one document at a time, in batches
 * (an ingestion run) that end with {@link #commit()}.
 *
 * <p>{@link #replaceDocument} and {@link #deleteDocument} are called inside the database
 * transaction that stores or deletes the document's rows, after those rows were written: an
 * implementation writes in that transaction (PostgreSQL mode: vectors and the change-feed entry
 * commit with the document) or beside it (embedded mode: the Lucene change is made before the
 * database commits, so a crash in between leaves the old content hash in the database and the
 * next run indexes the file again).
 *
 * <p>One implementation per store mode, chosen at wiring: {@link LuceneChunkWriter} in embedded
 * mode, {@code PostgresChunkWriter} in PostgreSQL mode. Implementations are thread-safe; one
 * batch runs at a time (ingestion runs one after the other).
 */
public interface ChunkWriter {
  /**
   * Starts a batch of changes whose documents are made durable at least every
   * {@code commitEvery} replaced documents (embedded mode; each PostgreSQL transaction is durable
   * by itself).
   *
   * @throws IndexLockedException when another process writes the index
   */
  void begin(int commitEvery);

  /**
   * True when the index holds the {@code chunkCount} chunks that the database records for
   * {@code documentId}; false when the index lost them (deleted or rebuilt without the
   * database), so that ingestion indexes an unchanged file again.
   */
  boolean holds(String documentId, int chunkCount);

  /** Replaces all chunks of {@code documentId} with {@code chunks} (vectors in the same order). */
  void replaceDocument(String documentId, List<IndexedChunk> chunks, List<float[]> vectors);

  /** Removes every chunk of {@code documentId}. */
  void deleteDocument(String documentId);

  /**
   * Says that the transaction of a replaced document has committed; returns at once. The change
   * becomes searchable no later than the next {@link #commit()}, and sooner where the store can
   * do that cheaply.
   */
  void documentCommitted();

  /** Makes all changes durable and visible to searches before returning; ends the batch. */
  void commit();
}
