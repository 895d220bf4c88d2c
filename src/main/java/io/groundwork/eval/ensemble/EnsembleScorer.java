package io.groundwork.eval.ensemble;

import io.groundwork.eval.RetrievalMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores configurations query by query from candidate rankings computed once: each query's BM25
 * candidates under every (k1, b) of the grid and its vector candidates under every model, all
 * over the same chunks. A configuration then costs only a fusion and an aggregation per query,
 * so a grid of hundreds is scored in seconds. Not thread-safe while being filled.
 */
public final class EnsembleScorer {
  private final int[] documentOfChunk;
  private final List<String> documentIds;
  private final Map<String, Map<String, Integer>> qrels;
  private final Map<String, Map<String, List<Scored>>> bm25 = new HashMap<>();
  private final Map<String, Map<String, List<Scored>>> vectors = new HashMap<>();

  /**
   * @param documentOfChunk document ordinal of each chunk ordinal
   * @param documentIds corpus id of each document ordinal
   * @param qrels query id to (corpus id to graded relevance)
   */
  public EnsembleScorer(int[] documentOfChunk, List<String> documentIds,
      Map<String, Map<String, Integer>> qrels) {
    this.documentOfChunk = documentOfChunk.clone();
    this.documentIds = List.copyOf(documentIds);
    this.qrels = qrels;
  }

  /** Records {@code query}'s BM25 candidates under ({@code k1}, {@code b}). */
  public void putBm25(String query, float k1, float b, List<Scored> candidates) {
    bm25.computeIfAbsent(key(k1, b), k -> new HashMap<>()).put(query, List.copyOf(candidates));
  }

  /** Records {@code query}'s vector candidates under {@code model}. */
  public void putVectors(String query, String model, List<Scored> candidates) {
    vectors.computeIfAbsent(model, k -> new HashMap<>()).put(query, List.copyOf(candidates));
  }

  /** The document ranking of {@code configuration} for {@code query}, as corpus ids, best first. */
  public List<String> documents(EnsembleGrid.Configuration configuration, String query) {
    List<List<Scored>> rankings = new ArrayList<>();
    if (configuration.bm25()) {
      rankings.add(candidates(bm25, key(configuration.k1(), configuration.b()), query));
    }
    for (String model : configuration.models()) {
      rankings.add(candidates(vectors, model, query));
    }
    double[] weights = configuration.weights().stream().mapToDouble(Double::doubleValue).toArray();
    List<Scored> chunks = configuration.fusion().fuse(rankings, weights);
    List<Scored> documents = configuration.aggregation().documents(chunks, documentOfChunk);
    List<String> ids = new ArrayList<>(documents.size());
    for (Scored document : documents) {
      ids.add(documentIds.get(document.id()));
    }
    return ids;
  }

  /** nDCG@10 of {@code configuration} for each of {@code queries}, by query id. */
  public Map<String, Double> ndcgAt10(EnsembleGrid.Configuration configuration,
      List<String> queries) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (String query : queries) {
      scores.put(query, RetrievalMetrics.ndcg(documents(configuration, query),
          qrels.getOrDefault(query, Map.of()), 10));
    }
    return scores;
  }

  private static List<Scored> candidates(Map<String, Map<String, List<Scored>>> source,
      String key, String query) {
    Map<String, List<Scored>> byQuery = source.get(key);
    List<Scored> candidates = byQuery == null ? null : byQuery.get(query);
    if (candidates == null) {
      throw new IllegalStateException("no candidates of " + key + " for query " + query);
    }
    return candidates;
  }

  private static String key(float k1, float b) {
    return "bm25:" + k1 + "/" + b;
  }
}
