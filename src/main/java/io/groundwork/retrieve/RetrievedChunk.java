package io.groundwork.retrieve;

import io.groundwork.index.IndexedChunk;

/**
 * A chunk in a fused ranking.
 *
 * @param chunk the chunk
 * @param score fused score (higher is better)
 * @param textRank 1-based rank in the BM25 ranking, or 0 when BM25 did not find it
 * @param vectorRank 1-based rank in the vector ranking, or 0 when vector search did not find it
 */
public record RetrievedChunk(IndexedChunk chunk, double score, int textRank, int vectorRank) {}
