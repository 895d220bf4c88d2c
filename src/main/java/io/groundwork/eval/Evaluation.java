package io.groundwork.eval;

import io.groundwork.retrieve.RetrievalRequest;
import io.groundwork.retrieve.RetrievalResult;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.retrieve.Retriever;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every judged query of a {@link BeirDataset} through a {@link Retriever} and scores the
 * document rankings: a document's rank is that of its best chunk (max aggregation), the ranking
 * is cut at {@value #DEPTH} chunks. Metrics are averaged over the queries that have at least one
 * relevant document, as BEIR does. Latency is the wall-clock time of {@code retrieve}, after
 * {@value #WARM_UP} warm-up queries that are not counted. Stateless.
 */
public final class Evaluation {
  /** Chunks retrieved per query (the largest top-k a request may ask for). */
  public static final int DEPTH = RetrievalRequest.MAX_TOP_K;
  static final int WARM_UP = 20;

  private Evaluation() {}

  /** Averages and latency of one run. */
  public record Figures(int queries, double ndcgAt10, double recallAt100, double mrrAt10,
      double latencyP50Millis, double latencyP95Millis) {}

  /** The document ids of each judged query's ranking, best first. */
  public record Run(Map<String, List<String>> rankings, double[] latenciesMillis) {}

  /** Retrieves the rankings of every judged query with {@code retriever}. */
  public static Run run(BeirDataset dataset, Retriever retriever) {
    return run(dataset, ranker(retriever));
  }

  /** {@code retriever} as a {@link Ranker}: {@value #DEPTH} chunks, their documents in order. */
  public static Ranker ranker(Retriever retriever) {
    return query -> documents(retrieve(retriever, query).chunks());
  }

  /** Any retrieval system under evaluation: query text in, corpus ids out, best first. */
  @FunctionalInterface
  public interface Ranker {
    List<String> rank(String query);
  }

  /** Retrieves the rankings of every judged query with {@code ranker}. */
  public static Run run(BeirDataset dataset, Ranker ranker) {
    List<String> ids = judgedQueries(dataset);
    for (int i = 0; i < Math.min(WARM_UP, ids.size()); i++) {
      ranker.rank(dataset.queries().get(ids.get(i)));
    }
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    double[] latencies = new double[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      long t0 = System.nanoTime();
      List<String> ranking = ranker.rank(dataset.queries().get(ids.get(i)));
      latencies[i] = (System.nanoTime() - t0) / 1e6;
      rankings.put(ids.get(i), ranking);
    }
    return new Run(rankings, latencies);
  }

  /**
   * The ids of the queries with a relevant document.
   *
   * @throws IllegalArgumentException when there is none (the qrels do not match the queries)
   */
  public static List<String> judgedQueries(BeirDataset dataset) {
    List<String> ids = dataset.judgedQueries();
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no query has a relevant document in the qrels;"
          + " do the query ids of the qrels match the queries file?");
    }
    return ids;
  }

  /** Scores a run against the dataset's qrels. */
  public static Figures score(BeirDataset dataset, Run run) {
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    for (Map.Entry<String, List<String>> entry : run.rankings().entrySet()) {
      Map<String, Integer> judged = dataset.qrels().get(entry.getKey());
      ndcg += RetrievalMetrics.ndcg(entry.getValue(), judged, 10);
      recall += RetrievalMetrics.recall(entry.getValue(), judged, 100);
      mrr += RetrievalMetrics.mrr(entry.getValue(), judged, 10);
    }
    int n = run.rankings().size();
    return new Figures(n, ndcg / n, recall / n, mrr / n, percentile(run.latenciesMillis(), 50),
        percentile(run.latenciesMillis(), 95));
  }

  /** Corpus ids in order of their best chunk. */
  static List<String> documents(List<RetrievedChunk> chunks) {
    Set<String> ids = new LinkedHashSet<>();
    for (RetrievedChunk chunk : chunks) {
      ids.add(chunk.chunk().documentId());
    }
    return new ArrayList<>(ids);
  }

  private static RetrievalResult retrieve(Retriever retriever, String query) {
    return retriever.retrieve(new RetrievalRequest(query, DEPTH, EvalIndex.FILTER));
  }

  /** Nearest-rank percentile. */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
