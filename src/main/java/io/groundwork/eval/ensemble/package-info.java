/**
 * Small-model ensembles measured on a BEIR dataset: BM25 and exact vector search over the same
 * chunks ({@link io.groundwork.eval.ensemble.Bm25Search},
 * {@link io.groundwork.eval.ensemble.ExactVectorSearch}), their rankings fused
 * ({@link io.groundwork.eval.ensemble.RankFusion}) and chunk scores aggregated per document
 * ({@link io.groundwork.eval.ensemble.ChunkAggregation}); a grid of configurations
 * ({@link io.groundwork.eval.ensemble.EnsembleGrid}) chosen by k-fold cross-validation over the
 * queries ({@link io.groundwork.eval.ensemble.Folds},
 * {@link io.groundwork.eval.ensemble.CrossValidation}), so that a configuration is scored on
 * queries it was not chosen on.
 */
package io.groundwork.eval.ensemble;
