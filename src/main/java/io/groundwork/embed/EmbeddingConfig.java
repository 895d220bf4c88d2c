package io.groundwork.embed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Embedding settings ({@code groundwork.embedding.*}). */
@ConfigMapping(prefix = "groundwork.embedding")
public interface EmbeddingConfig {
  /**
   * Which model embeds chunks and queries: {@code bge-small-en-v1.5-q} (default, shipped),
   * {@code bge-small-en-v1.5} or {@code e5-small-v2} (full precision, Maven profiles
   * {@code model-bge-small} and {@code model-e5-small}), {@code all-minilm-l6-v2}
   * ({@code model-minilm}). Each document records the model it was embedded with; after a change
   * the next ingestion run embeds every document again (its file unchanged or not). All are
   * 384-dimensional, so the PostgreSQL mode's vector column holds any of them.
   */
  @WithDefault("bge-small-en-v1.5-q")
  String model();

  /** Passages per call into the model. */
  @WithDefault("32")
  int batchSize();

  /** Threads that run the model; 0 means one per available processor. */
  @WithDefault("0")
  int threads();

  /**
   * Threads ONNX Runtime uses inside one inference. 1 (default) lets {@link #threads()}
   * inferences run side by side without oversubscribing the cores; a single query is embedded on
   * the caller's thread either way.
   */
  @WithDefault("1")
  int intraOpThreads();

  /**
   * Threads ONNX Runtime uses to embed one search query; 0 (default) means one per available
   * processor. Queries have their own session because a query is embedded alone, on the thread
   * of the request waiting for it: spreading that one inference over the cores shortens the wait,
   * where passages, embedded many at a time, are faster one inference per core.
   */
  @WithDefault("0")
  int queryIntraOpThreads();

  /**
   * Whether retrieval embeds queries after the model's query instruction (bge: "Represent this
   * sentence for searching relevant passages: "). Off by default: bge v1.5's model card makes the
   * instruction optional, retrieval on SciFact is no worse without it (docs/evaluation.md), and
   * each query is about ten tokens shorter to embed. The extractive answerer and the answer
   * verifier always use the instruction: their evidence thresholds were calibrated with it.
   */
  @WithDefault("false")
  boolean queryInstruction();
}
