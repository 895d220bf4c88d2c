/**
 * The search index of chunks, in two sides chosen per store mode at wiring: the read side
 * ({@link io.groundwork.index.ChunkReader}: searches, chunks by id, counts) and the write side
 * ({@link io.groundwork.index.ChunkWriter}: replace, delete, commit). In embedded mode both are a
 * {@link io.groundwork.index.LuceneChunkIndex}: one Lucene document per chunk, with a BM25 text
 * field, an HNSW vector field and the fields that access filters and source filters need, read by
 * its {@link io.groundwork.index.LuceneChunkReader} and written by its
 * {@link io.groundwork.index.LuceneChunkWriter}. Filters are applied inside each search, before
 * top-k, never to its results.
 */
package io.groundwork.index;
