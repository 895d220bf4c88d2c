package io.groundwork.eval;

import java.util.List;
import java.util.Map;

/**
 * The per-query retrieval metrics BEIR reports, computed as pytrec_eval (trec_eval) does:
 * graded gains taken from the qrels, a document relevant when its score is above 0.
 *
 * <ul>
 *   <li>nDCG@k: {@code sum_{i<=k} rel_i / log2(i + 1)} over the ranking, divided by the same sum
 *       over the ideal ranking of all judged documents (trec_eval's {@code ndcg_cut}, linear
 *       gain);
 *   <li>Recall@k: relevant documents in the top k divided by all relevant documents;
 *   <li>MRR@k: 1 / rank of the first relevant document in the top k, else 0.
 * </ul>
 *
 * Rankings are lists of document ids, best first, without duplicates. Stateless.
 */
public final class RetrievalMetrics {
  private RetrievalMetrics() {}

  public static double ndcg(List<String> ranking, Map<String, Integer> judged, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      int gain = Math.max(0, judged.getOrDefault(ranking.get(i), 0));
      dcg += gain / log2(i + 2);
    }
    List<Integer> ideal = judged.values().stream().filter(g -> g > 0)
        .sorted((a, b) -> Integer.compare(b, a)).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  public static double recall(List<String> ranking, Map<String, Integer> judged, int k) {
    long relevant = judged.values().stream().filter(g -> g > 0).count();
    if (relevant == 0) {
      return 0;
    }
    long found = ranking.stream().limit(k).filter(id -> judged.getOrDefault(id, 0) > 0).count();
    return (double) found / relevant;
  }

  public static double mrr(List<String> ranking, Map<String, Integer> judged, int k) {
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      if (judged.getOrDefault(ranking.get(i), 0) > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
