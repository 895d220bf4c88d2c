package io.groundwork.retrieve;

import io.groundwork.index.SearchFilter;

/**
 * A retrieval: the query text, how many chunks to return, and the filter (caller's groups,
 * optional sources and documents) applied inside every search.
 */
public record RetrievalRequest(String query, int topK, SearchFilter filter) {
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
}
