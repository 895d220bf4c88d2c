package io.groundwork.eval.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * k-fold cross-validation of a choice among configurations: for each fold, the configuration
 * with the best mean score on the other folds' queries is chosen (ties: the earlier one) and
 * scored on the fold's own queries, which the choice never saw. The mean of those held-out
 * scores estimates what choosing this way achieves on new queries; their spread over the folds
 * says how much a single split could mislead. Stateless.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /**
   * What cross-validation found.
   *
   * @param chosen the index of the configuration chosen on each fold's training queries
   * @param heldOut each fold's mean score on its held-out queries
   */
  public record Result(List<Integer> chosen, List<Double> heldOut) {
    public Result {
      chosen = List.copyOf(chosen);
      heldOut = List.copyOf(heldOut);
    }

    public double mean() {
      return heldOut.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Sample standard deviation of the per-fold scores. */
    public double spread() {
      return standardDeviation(heldOut);
    }
  }

  /**
   * Cross-validates the choice among configurations.
   *
   * @param scores per configuration, query id to that query's score
   */
  public static Result choose(List<Map<String, Double>> scores, Folds folds) {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("no configuration to choose from");
    }
    List<Integer> chosen = new ArrayList<>();
    List<Double> heldOut = new ArrayList<>();
    for (int fold = 0; fold < folds.count(); fold++) {
      int best = 0;
      double bestMean = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < scores.size(); c++) {
        double mean = mean(scores.get(c), folds.train(fold));
        if (mean > bestMean) {
          bestMean = mean;
          best = c;
        }
      }
      chosen.add(best);
      heldOut.add(mean(scores.get(best), folds.test(fold)));
    }
    return new Result(chosen, heldOut);
  }

  /** One fixed configuration scored fold by fold (nothing chosen). */
  public static Result fixed(Map<String, Double> scores, Folds folds) {
    List<Integer> chosen = new ArrayList<>();
    List<Double> heldOut = new ArrayList<>();
    for (int fold = 0; fold < folds.count(); fold++) {
      chosen.add(0);
      heldOut.add(mean(scores, folds.test(fold)));
    }
    return new Result(chosen, heldOut);
  }

  /** Per-fold differences {@code a - b} of two results over the same folds. */
  public static List<Double> pairedDifferences(Result a, Result b) {
    if (a.heldOut().size() != b.heldOut().size()) {
      throw new IllegalArgumentException("results over different folds");
    }
    List<Double> differences = new ArrayList<>();
    for (int f = 0; f < a.heldOut().size(); f++) {
      differences.add(a.heldOut().get(f) - b.heldOut().get(f));
    }
    return differences;
  }

  static double mean(Map<String, Double> scores, List<String> queries) {
    double sum = 0;
    for (String query : queries) {
      Double score = scores.get(query);
      if (score == null) {
        throw new IllegalArgumentException("no score for query " + query);
      }
      sum += score;
    }
    return queries.isEmpty() ? 0 : sum / queries.size();
  }

  /** Sample standard deviation (n - 1); 0 for fewer than two values. */
  public static double standardDeviation(List<Double> values) {
    if (values.size() < 2) {
      return 0;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.size() - 1));
  }
}
