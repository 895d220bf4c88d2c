package io.groundwork.evidence;

import io.groundwork.text.TermWeights;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The content terms of a query (a question or a claim), each with its weight, in the order given,
 * and their total weight. Coverage sums the weights of the terms a sentence contains in this
 * order, so two equal collections in the same order give bit-for-bit equal scores. Immutable.
 */
public final class WeightedTerms {
  private final String[] terms;
  private final double[] weights;
  private final double total;

  private WeightedTerms(Collection<String> terms, TermWeights weights, boolean compensated) {
    if (terms == null || weights == null) {
      throw new IllegalArgumentException("terms and weights must not be null");
    }
    this.terms = terms.toArray(String[]::new);
    this.weights = new double[this.terms.length];
    double running = 0;
    for (int i = 0; i < this.terms.length; i++) {
      this.weights[i] = weights.weight(this.terms[i]);
      running += this.weights[i];
    }
    this.total = compensated ? Arrays.stream(this.weights).sum() : running;
  }

  /**
   * {@code terms} (in their iteration order; repeat none) weighted by {@code weights}; the total
   * is their compensated sum ({@link java.util.stream.DoubleStream#sum()}), as the extractive
   * answerer was calibrated with.
   */
  public static WeightedTerms of(Collection<String> terms, TermWeights weights) {
    return new WeightedTerms(terms, weights, true);
  }

  /**
   * Like {@link #of}, but the total is the plain running sum in iteration order, as the support
   * scorer was calibrated with. The two totals differ in the last bits at most; each caller keeps
   * its own so that its scores stay exactly as calibrated.
   */
  public static WeightedTerms ofRunningTotal(Collection<String> terms, TermWeights weights) {
    return new WeightedTerms(terms, weights, false);
  }

  /** The terms, in order. */
  public List<String> terms() {
    return List.of(terms);
  }

  /** The weight of the {@code i}-th term. */
  public double weight(int i) {
    return weights[i];
  }

  /** The sum of the weights; 0 when there are no terms. */
  public double total() {
    return total;
  }

  /** The number of terms. */
  public int size() {
    return terms.length;
  }

  String term(int i) {
    return terms[i];
  }
}
