/**
 * Evaluation: BEIR-layout datasets, the retrieval metrics BEIR reports (computed as
 * pytrec_eval does), building a reusable evaluation index through the production chunker,
 * embedder and Lucene index, running every query through the production retriever, sentence
 * grounding of the extractive answerer, and checked-in regressions that fail when a metric drops
 * below its tolerance; and answer evaluation: a development set of questions over an ingestion
 * source ({@link io.groundwork.eval.DevSet}) run through question answering as each question's
 * user and scored for key facts, right source, refusals and leaks
 * ({@link io.groundwork.eval.AnswerEvaluation}), with its own checked-in regressions
 * ({@link io.groundwork.eval.AnswerRegressionSpec}), and the calibration of the extractive
 * answerer's refusal on it ({@link io.groundwork.eval.RefusalCalibration}). {@link io.groundwork.eval.DatasetOptions} (the dataset options, a picocli
 * mixin) and {@link io.groundwork.eval.EvalPipeline} (the server's pipeline) wire the commands
 * that evaluate: {@code eval} and the {@code bench} benchmarks.
 */
package io.groundwork.eval;
