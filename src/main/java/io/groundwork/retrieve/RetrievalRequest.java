package io.groundwork.retrieve;

import io.groundwork.index.SearchFilter;

/**
 * A retrieval: the query text, how many chunks to return, the filter (caller's groups, optional
 * sources and documents) applied inside every search, and optionally the query's vector when the
 * caller already embedded it (several queries embedded in one batch); null: the retriever embeds
 * the query.
 */
public record RetrievalRequest(String query, int topK, SearchFilter filter, float[] queryVector) {
  /** The most chunks one request may ask for. */
  public static final int MAX_TOP_K = 100;

  public RetrievalRequest {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    if (topK < 1 || topK > MAX_TOP_K) {
      throw new IllegalArgumentException("topK must be between 1 and " + MAX_TOP_K + ", got " + topK);
    }
    if (filter == null) {
      throw new IllegalArgumentException("filter must not be null");
    }
  }

  /** A retrieval whose query the retriever embeds. */
  public RetrievalRequest(String query, int topK, SearchFilter filter) {
    this(query, topK, filter, null);
  }
}
