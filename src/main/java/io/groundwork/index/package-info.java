/**
 * The search index: one Lucene document per chunk, with a BM25 text field, an HNSW vector field
 * and the fields that access filters and source filters need. Filters are applied inside each
 * search, before top-k, never to its results.
 */
package io.groundwork.index;
