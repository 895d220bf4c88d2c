/**
 * Evaluation: BEIR-layout datasets, the retrieval metrics BEIR reports (computed as
 * pytrec_eval does), building a reusable evaluation index through the production chunker,
 * embedder and Lucene index, running every query through the production retriever, sentence
 * grounding of the extractive answerer, and checked-in regressions that fail when a metric drops
 * below its tolerance. {@link io.groundwork.eval.DatasetOptions} (the dataset options, a picocli
 * mixin) and {@link io.groundwork.eval.EvalPipeline} (the server's pipeline) wire the commands
 * that evaluate: {@code eval} and the {@code bench} benchmarks.
 */
package io.groundwork.eval;
