/**
 * Benchmarks that print figures (never timed tests): vector search through PostgreSQL pgvector
 * HNSW against Lucene HNSW on the same vectors and queries.
 */
package io.groundwork.bench;
