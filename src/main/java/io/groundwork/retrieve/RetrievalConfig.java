package io.groundwork.retrieve;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retrieval settings ({@code groundwork.retrieval.*}). */
@ConfigMapping(prefix = "groundwork.retrieval")
public interface RetrievalConfig {
  /** Chunks returned when a request does not say. */
  @WithDefault("8")
  int topK();

  /** Candidates each search contributes to the fusion. */
  @WithDefault("50")
  int candidates();

  /** Reciprocal-rank fusion constant k: score = sum of 1 / (k + rank). */
  @WithDefault("60")
  int rrfK();

  /** Weight of the BM25 ranking in the fusion. */
  @WithDefault("1.0")
  double textWeight();

  /** Weight of the vector ranking in the fusion. */
  @WithDefault("1.0")
  double vectorWeight();

  /** Which searches run: {@code hybrid} (default), {@code bm25} or {@code dense}. */
  @WithDefault("hybrid")
  RetrievalSettings.Mode mode();

  /**
   * How hybrid rankings combine: {@code weighted}, a weighted sum of min-max normalised scores
   * (default; better than RRF on SciFact, see docs/evaluation.md), or {@code rrf}, reciprocal-rank
   * fusion.
   */
  @WithDefault("weighted")
  RetrievalSettings.Fusion fusion();
}
