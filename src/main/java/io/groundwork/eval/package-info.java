/**
 * Evaluation: BEIR-layout datasets, the retrieval metrics BEIR reports (computed as
 * pytrec_eval does), building a reusable evaluation index through the production chunker,
 * embedder and Lucene index, running every query through the production retriever, and checked-in
 * regressions that fail when a metric drops below its tolerance.
 */
package io.groundwork.eval;
