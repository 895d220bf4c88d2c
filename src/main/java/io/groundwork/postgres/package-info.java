/**
 * PostgreSQL store mode: {@link io.groundwork.postgres.PostgresChunkReader} (pgvector search
 * with the access filter in the same SQL, BM25 from the local index),
 * {@link io.groundwork.postgres.PostgresChunkWriter} (vectors and the change feed, written in
 * each document's transaction), and the replica sync that keeps each instance's local Lucene
 * (BM25) index up to date from the feed.
 */
package io.groundwork.postgres;
