package io.groundwork.index;

/** A chunk found by one search, with that search's score (higher is better). */
public record ScoredChunk(IndexedChunk chunk, float score) {}
