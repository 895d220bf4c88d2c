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

  /** Weight of the BM25 ranking in the fusion (the vector ranking weighs 1). */
  @WithDefault("1.0")
  double textWeight();
}
