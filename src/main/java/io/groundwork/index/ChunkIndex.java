package io.groundwork.index;

import java.util.List;

/**
 * The searchable store of chunks. Implementations apply the {@link SearchFilter} inside each
 * search, so that top-k is taken among permitted chunks only.
 */
public interface ChunkIndex extends AutoCloseable {
  /** Replaces all chunks of {@code documentId} with {@code chunks} (vectors in the same order). */
  void replaceDocument(String documentId, List<IndexedChunk> chunks, List<float[]> vectors);

  /** Removes every chunk of {@code documentId}. */
  void deleteDocument(String documentId);

  /** Makes all changes durable and visible to searches. */
  void commit();

  /** Best {@code k} chunks by BM25 for {@code query}, best first (ties by chunk id). */
  List<ScoredChunk> searchText(String query, SearchFilter filter, int k);

  /** Nearest {@code k} chunks to {@code vector} (approximate, HNSW), best first (ties by id). */
  List<ScoredChunk> searchVector(float[] vector, SearchFilter filter, int k);

  /**
   * The chunks with the given ids, in the order given. An id no longer in the index (its
   * document was replaced or deleted since the search that found it) is skipped.
   */
  List<IndexedChunk> chunks(List<String> chunkIds);

  /** Number of chunks of {@code documentId} in the index. */
  int chunkCount(String documentId);

  /** Number of chunks in the index. */
  int chunkCount();

  @Override
  void close();
}
