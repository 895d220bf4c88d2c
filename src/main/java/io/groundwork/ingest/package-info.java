/**
 * Ingestion: reading sources, parsing files with Apache Tika into text with structure (title,
 * headings, pages, {@link io.groundwork.ingest.Block blocks}) with boilerplate (running headers
 * and footers, page numbers, navigation) left out, chunking by structure and sentences within a token budget, and the
 * ingestion run that embeds and indexes chunks while recording what failed and why (in the
 * database, and as Prometheus counters: {@link io.groundwork.ingest.IngestionMetrics}).
 * {@link io.groundwork.ingest.IngestionService} runs the steps: a
 * {@link io.groundwork.ingest.DocumentIngester} ingests each file, the
 * {@link io.groundwork.ingest.DocumentStore} keeps documents (database rows and index chunks, one
 * transaction per document) and the {@link io.groundwork.ingest.IngestionRunLog} records the run.
 */
package io.groundwork.ingest;
