/**
 * Groundwork: retrieval-augmented question answering over a company's documents, with citations
 * and an audit trail. Packages are organised by capability: {@code ingest} (parse, chunk),
 * {@code embed}, {@code index} (Lucene), {@code retrieve} (hybrid, access-filtered),
 * {@code answer}, {@code audit}, {@code security}, {@code store} (database entities),
 * {@code web} (REST and the web page) and {@code cli}.
 */
package io.groundwork;
