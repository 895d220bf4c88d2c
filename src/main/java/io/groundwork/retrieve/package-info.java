/**
 * Retrieval: hybrid search that runs BM25 and vector search, each pre-filtered by the caller's
 * access groups, and fuses them by a weighted sum of min-max normalised scores (default) or by
 * reciprocal-rank fusion; either search can also run alone ({@link
 * io.groundwork.retrieve.RetrievalSettings}).
 */
package io.groundwork.retrieve;
