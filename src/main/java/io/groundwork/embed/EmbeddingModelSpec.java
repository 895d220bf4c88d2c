package io.groundwork.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The embedding models this build ships, with the conventions each model documents: the
 * instruction prefixed to queries (bge, e5) or passages (e5), the dimension, the maximum
 * sequence length and the tokenizer resource inside the model's jar.
 */
public enum EmbeddingModelSpec {
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v1.5-q",
      384,
      512,
      "Represent this sentence for searching relevant passages: ",
      "",
      "bge-small-en-v1.5-q-tokenizer.json",
      BgeSmallEnV15QuantizedEmbeddingModel::new);

  private final String id;
  private final int dimension;
  private final int maxSequenceLength;
  private final String queryPrefix;
  private final String passagePrefix;
  private final String tokenizerResource;
  private final Function<Executor, EmbeddingModel> factory;

  EmbeddingModelSpec(String id, int dimension, int maxSequenceLength, String queryPrefix,
      String passagePrefix, String tokenizerResource, Function<Executor, EmbeddingModel> factory) {
    this.id = id;
    this.dimension = dimension;
    this.maxSequenceLength = maxSequenceLength;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
    this.tokenizerResource = tokenizerResource;
    this.factory = factory;
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

  /** Loads the model; slow (reads the ONNX weights), so call once. */
  public EmbeddingModel load(Executor executor) {
    return factory.apply(executor);
  }
}
