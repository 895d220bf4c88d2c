/**
 * Groundwork: retrieval-augmented question answering over a company's documents, with citations,
 * answer verification and a tamper-evident audit trail. One package per capability:
 *
 * <ul>
 *   <li>{@code core}: content hashes, stable ids and the well-known access groups; depends on
 *       nothing else in Groundwork.
 *   <li>{@code text}: sentence splitting and term analysis.
 *   <li>{@code evidence}: how well a sentence answers or supports a text (weighted term coverage
 *       blended with embedding similarity), shared by answering and verification.
 *   <li>{@code ingest}: sources and the pipeline file, parsing (Tika), chunking, ingestion runs.
 *   <li>{@code embed}: the in-process ONNX embedding models.
 *   <li>{@code index}: the Lucene chunk index (BM25 and HNSW, access filters inside each search).
 *   <li>{@code store}: the system of record (documents, chunks, runs) and the store mode.
 *   <li>{@code postgres}: PostgreSQL mode: pgvector search, the change feed, replica sync.
 *   <li>{@code retrieve}: hybrid retrieval with the caller's access filter and score fusion.
 *   <li>{@code answer}: cited answers or refusals, extractive or from a language model.
 *   <li>{@code answer.type}: what a question asks for (a person, an amount, a date, a procedure,
 *       ...) and the entities of those kinds in a sentence, by rules and lexicons.
 *   <li>{@code llm}: language-model settings and back ends (Ollama, OpenAI-compatible).
 *   <li>{@code verify}: verification of every answer against the passages it cites.
 *   <li>{@code qa}: question answering as the API and the CLI share it.
 *   <li>{@code conversation}: conversations, follow-ups made standalone from earlier turns.
 *   <li>{@code token}: personal API tokens.
 *   <li>{@code openai}: the OpenAI-compatible chat API.
 *   <li>{@code draft}: replies to customer tickets drafted from customer-safe documents, the
 *       approval gate, feedback and content gaps.
 *   <li>{@code audit}: the tamper-evident audit trail: hash chain, signed checkpoints, offline
 *       verification and export, retention and legal holds, need-to-know.
 *   <li>{@code pii}: personal data detection and redaction.
 *   <li>{@code security}: built-in users, access groups and roles, HTTP basic auth, sign-in
 *       throttling.
 *   <li>{@code admission}: bounded concurrency and queues for expensive requests (429 beyond).
 *   <li>{@code web}: the REST API, its JSON errors and the web page.
 *   <li>{@code cli}: the command line ({@code serve}, {@code ingest}, {@code ask}, ...).
 *   <li>{@code eval}: retrieval evaluation on BEIR datasets and checked-in regressions.
 *   <li>{@code bench}: benchmarks that print figures, never timed tests.
 * </ul>
 *
 * <p>docs/architecture.md shows how they fit together.
 */
package io.groundwork;
