package io.groundwork.index;

import java.util.List;

/**
 * The read side of the chunk index: searches, chunks by id and chunk counts. Implementations
 * apply the {@link SearchFilter} inside each search, so that top-k is taken among permitted
 * chunks only. Reads see the changes of the last {@link ChunkWriter#commit()} (or a later one).
 *
 * <p>One implementation per store mode, chosen at wiring: {@link LuceneChunkReader} in embedded
 * mode, {@code PostgresChunkReader} (pgvector plus the local BM25 index) in PostgreSQL mode.
 * Implementations are thread-safe.
 */
public interface ChunkReader {
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
}
