package io.groundwork.retrieve;

import io.groundwork.index.SearchFilter;

/**
 * A retrieval: the query text, how many chunks to return, the filter (caller's groups, optional
 * sources and documents) applied inside every search, and optionally the query's vector when the
 * caller already embedded it (several queries embedded in one batch); null: the retriever embeds
 * the query; and optionally the text the lexical search reads when it should not read the whole
 * query (a question without the words that frame it); null: the query.
 */
public record RetrievalRequest(String query, int topK, SearchFilter filter, float[] queryVector,
    String textQuery) {
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
    if (textQuery != null && textQuery.isBlank()) {
      throw new IllegalArgumentException("textQuery must not be blank; null searches the query");
    }
  }

  /** A retrieval whose lexical search reads the whole query. */
  public RetrievalRequest(String query, int topK, SearchFilter filter, float[] queryVector) {
    this(query, topK, filter, queryVector, null);
  }

  /** The text the lexical search reads: {@link #textQuery()}, or the query without one. */
  public String lexicalQuery() {
    return textQuery == null ? query : textQuery;
  }

  /** A retrieval whose query the retriever embeds. */
  public RetrievalRequest(String query, int topK, SearchFilter filter) {
    this(query, topK, filter, null);
  }
}
