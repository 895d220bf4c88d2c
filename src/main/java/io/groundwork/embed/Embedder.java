package io.groundwork.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Embeds passages and queries with one model, applying the model's query and passage prefixes
 * and batching passages. Vectors are L2-normalised. Thread-safe.
 */
public final class Embedder {
  private final EmbeddingModelSpec spec;
  private final EmbeddingModel model;
  private final EmbeddingModel queryModel;
  private final TokenCountEstimator tokenizer;
  private final int batchSize;
  private final String queryPrefix;

  /** Embeds passages and queries with {@code model}. */
  public Embedder(EmbeddingModelSpec spec, EmbeddingModel model, TokenCountEstimator tokenizer,
      int batchSize) {
    this(spec, model, model, tokenizer, batchSize);
  }

  /**
   * @param model embeds passages
   * @param queryModel embeds queries: the same weights as {@code model}, possibly in a session
   *     tuned for one inference at a time
   */
  public Embedder(EmbeddingModelSpec spec, EmbeddingModel model, EmbeddingModel queryModel,
      TokenCountEstimator tokenizer, int batchSize) {
    if (spec == null || model == null || queryModel == null || tokenizer == null) {
      throw new IllegalArgumentException("spec, model, queryModel and tokenizer must not be null");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    this.spec = spec;
    this.model = model;
    this.queryModel = queryModel;
    this.tokenizer = tokenizer;
    this.batchSize = batchSize;
    this.queryPrefix = spec.queryPrefix();
  }

  private Embedder(Embedder other, String queryPrefix) {
    this.spec = other.spec;
    this.model = other.model;
    this.queryModel = other.queryModel;
    this.tokenizer = other.tokenizer;
    this.batchSize = other.batchSize;
    this.queryPrefix = queryPrefix;
  }

  /**
   * This embedder with its passage and its query model each wrapped by {@code wrapper} (called
   * once for each), e.g. to cache the vectors of texts that recur.
   */
  public Embedder withModels(java.util.function.UnaryOperator<EmbeddingModel> wrapper) {
    return new Embedder(spec, wrapper.apply(model), wrapper.apply(queryModel), tokenizer,
        batchSize);
  }

  /**
   * This embedder, with ({@code true}, as constructed) or without the model's query instruction
   * ({@link EmbeddingModelSpec#queryPrefix()}) before each query; a prefix the model requires
   * (e5's {@code "query: "}) stays either way.
   */
  public Embedder withQueryInstruction(boolean apply) {
    return new Embedder(this, apply || spec.queryPrefixRequired() ? spec.queryPrefix() : "");
  }

  public EmbeddingModelSpec spec() {
    return spec;
  }

  /** The model's own tokenizer, used to measure chunk budgets. */
  public TokenCountEstimator tokenizer() {
    return tokenizer;
  }

  public int dimension() {
    return spec.dimension();
  }

  /** Whether queries are embedded after an instruction. */
  public boolean appliesQueryInstruction() {
    return !queryPrefix.isEmpty();
  }

  /** Embeds a search query, after the model's query instruction unless it was turned off. */
  public float[] embedQuery(String query) {
    Embedding embedding = queryModel.embed(queryPrefix + query).content();
    return normalized(embedding.vector());
  }

  /**
   * Embeds a search query like {@link #embedQuery}, but in the passage model's session (one
   * ONNX Runtime thread per inference by default): for when another model encodes the same
   * query at the same time on the other core, where a session spread over every core would
   * contend with it.
   */
  public float[] embedQueryAlongside(String query) {
    Embedding embedding = model.embed(queryPrefix + query).content();
    return normalized(embedding.vector());
  }

  /**
   * Embeds several search queries in batches (each after the query instruction, as
   * {@link #embedQuery}), one vector per query in input order: cheaper than one call per query
   * when a request holds several questions.
   */
  public List<float[]> embedQueries(List<String> queries) {
    List<float[]> vectors = new ArrayList<>(queries.size());
    for (int from = 0; from < queries.size(); from += batchSize) {
      List<TextSegment> batch = new ArrayList<>();
      for (String query : queries.subList(from, Math.min(queries.size(), from + batchSize))) {
        batch.add(TextSegment.from(queryPrefix + query));
      }
      for (Embedding embedding : model.embedAll(batch).content()) {
        vectors.add(normalized(embedding.vector()));
      }
    }
    return vectors;
  }

  /**
   * Embeds passages in batches, returning one vector per passage in input order. Batches hold
   * passages of similar length (longest first), so that the texts of a batch, which run in
   * parallel, finish at about the same time and a padded batch wastes little.
   */
  public List<float[]> embedPassages(List<String> passages) {
    Integer[] order = new Integer[passages.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> passages.get(i).length()).reversed()
        .thenComparingInt(i -> i));
    float[][] vectors = new float[passages.size()][];
    for (int from = 0; from < order.length; from += batchSize) {
      int to = Math.min(order.length, from + batchSize);
      List<TextSegment> batch = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        batch.add(TextSegment.from(spec.passagePrefix() + passages.get(order[i])));
      }
      List<Embedding> embeddings = model.embedAll(batch).content();
      for (int i = from; i < to; i++) {
        vectors[order[i]] = normalized(embeddings.get(i - from).vector());
      }
    }
    return Arrays.asList(vectors);
  }

  /** The model that embeds passages. */
  public EmbeddingModel model() {
    return model;
  }

  /** Cosine similarity of two normalised vectors. */
  public static float cosine(float[] a, float[] b) {
    float dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  static float[] normalized(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return vector;
    }
    float[] out = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = (float) (vector[i] / norm);
    }
    return out;
  }
}
