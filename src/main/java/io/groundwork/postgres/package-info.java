/**
 * PostgreSQL store mode: pgvector search with the access filter in the same SQL, the change feed
 * that ingestion writes in each document's transaction, and the replica sync that keeps each
 * instance's local Lucene (BM25) index up to date from it.
 */
package io.groundwork.postgres;
