/**
 * Ingestion: reading sources, parsing files with Apache Tika into text with structure (title,
 * headings, pages), chunking by structure and sentences within a token budget, and the
 * ingestion run that embeds and indexes chunks while recording what failed and why (in the
 * database, and as Prometheus counters: {@link io.groundwork.ingest.IngestionMetrics}).
 */
package io.groundwork.ingest;
