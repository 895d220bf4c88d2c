package io.groundwork.index;

/**
 * A chunk found by one search: its id and that search's score (higher is better). Searches
 * return ids only, so that a caller reads from the store just the chunks it keeps
 * ({@link ChunkReader#chunks}).
 */
public record ScoredChunk(String chunkId, float score) {
  public ScoredChunk {
    if (chunkId == null || chunkId.isBlank()) {
      throw new IllegalArgumentException("chunkId must not be blank");
    }
  }
}
