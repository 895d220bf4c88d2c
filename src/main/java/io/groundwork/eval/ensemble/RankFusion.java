package io.groundwork.eval.ensemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses the rankings of several searches into one, as the server's hybrid retriever fuses two:
 * weighted reciprocal-rank fusion ({@code sum w / (k + rank)}) or a weighted sum of scores min-max
 * normalised over each search's candidates (a search's single or all-equal candidates normalise
 * to 1). An item missing from a ranking gets nothing from it. Immutable and thread-safe.
 */
public final class RankFusion {
  /** How rankings are combined. */
  public enum Method { RRF, WEIGHTED }

  private final Method method;
  private final int rrfK;

  /** @param rrfK the reciprocal-rank constant (used by {@link Method#RRF}), >= 0 */
  public RankFusion(Method method, int rrfK) {
    if (method == null) {
      throw new IllegalArgumentException("method must not be null");
    }
    if (rrfK < 0) {
      throw new IllegalArgumentException("rrfK must be >= 0, got " + rrfK);
    }
    this.method = method;
    this.rrfK = rrfK;
  }

  public Method method() {
    return method;
  }

  /**
   * The fused ranking of every item in any of {@code rankings}, best first (ties by ordinal).
   *
   * @param weights one weight per ranking, each >= 0
   */
  public List<Scored> fuse(List<List<Scored>> rankings, double[] weights) {
    if (weights.length != rankings.size()) {
      throw new IllegalArgumentException(rankings.size() + " rankings but " + weights.length
          + " weights");
    }
    Map<Integer, Double> fused = new HashMap<>();
    for (int r = 0; r < rankings.size(); r++) {
      double weight = weights[r];
      if (weight < 0) {
        throw new IllegalArgumentException("weights must be >= 0, got " + weight);
      }
      List<Scored> ranking = rankings.get(r);
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (Scored scored : ranking) {
        max = Math.max(max, scored.score());
        min = Math.min(min, scored.score());
      }
      for (int i = 0; i < ranking.size(); i++) {
        Scored scored = ranking.get(i);
        double contribution = method == Method.RRF
            ? weight / (rrfK + i + 1)
            : weight * (max > min ? (scored.score() - min) / (max - min) : 1.0);
        fused.merge(scored.id(), contribution, Double::sum);
      }
    }
    List<Scored> ranking = new ArrayList<>(fused.size());
    fused.forEach((id, score) -> ranking.add(new Scored(id, score)));
    ranking.sort(Scored.BEST_FIRST);
    return ranking;
  }

  @Override
  public String toString() {
    return method == Method.RRF ? "rrf(k=" + rrfK + ")" : "weighted";
  }
}
