package io.groundwork.evidence;

import java.util.Set;

/**
 * Scores a sentence as evidence for a query (a question or a claim) from two signals:
 *
 * <ul>
 *   <li><b>coverage</b>: the share of the query's content terms that the sentence contains, each
 *       term weighted by its {@link WeightedTerms weight} (its IDF in the index: a rare term
 *       missing from the sentence costs more than a common one); a term found only in the
 *       sentence's context (its headings, the sentence before it) counts {@code contextCredit}
 *       of its weight;
 *   <li><b>similarity</b>: the cosine similarity of the two embeddings, rescaled from [{@code
 *       cosineFloor}, {@code cosineCeiling}] to [0, 1] and clamped (embedding models give
 *       unrelated text a cosine well above 0).
 * </ul>
 *
 * The score is {@code coverageWeight * coverage + (1 - coverageWeight) * similarity}; {@link
 * #score} returns it with both parts. Embedding and term analysis happen elsewhere: this class
 * only does the arithmetic, so that every user of the blend computes it the same way. Immutable
 * and thread-safe.
 */
public final class EvidenceScorer {
  private final double coverageWeight;
  private final double cosineFloor;
  private final double cosineCeiling;
  private final double contextCredit;

  /**
   * @param coverageWeight weight of coverage in the score, in [0, 1]; similarity gets the rest
   * @param cosineFloor cosine that maps to similarity 0 (unrelated text)
   * @param cosineCeiling cosine that maps to similarity 1 (a paraphrase); above the floor
   * @param contextCredit share of a term's weight credited when only the context contains it,
   *     in [0, 1]
   */
  public EvidenceScorer(double coverageWeight, double cosineFloor, double cosineCeiling,
      double contextCredit) {
    if (!(coverageWeight >= 0 && coverageWeight <= 1)) {
      throw new IllegalArgumentException("coverageWeight must be in [0, 1], got " + coverageWeight);
    }
    if (!(cosineFloor < cosineCeiling)) {
      throw new IllegalArgumentException("cosineFloor must be below cosineCeiling, got "
          + cosineFloor + " and " + cosineCeiling);
    }
    if (!(contextCredit >= 0 && contextCredit <= 1)) {
      throw new IllegalArgumentException("contextCredit must be in [0, 1], got " + contextCredit);
    }
    this.coverageWeight = coverageWeight;
    this.cosineFloor = cosineFloor;
    this.cosineCeiling = cosineCeiling;
    this.contextCredit = contextCredit;
  }

  /**
   * The weighted share of {@code query}'s terms that {@code terms} contains, terms found only in
   * {@code context} counting {@code contextCredit}; 0 when the query has no weight.
   */
  public double coverage(WeightedTerms query, Set<String> terms, Set<String> context) {
    double matched = 0;
    for (int i = 0; i < query.size(); i++) {
      String term = query.term(i);
      if (terms.contains(term)) {
        matched += query.weight(i);
      } else if (context.contains(term)) {
        matched += contextCredit * query.weight(i); // "It connects to ..." after "The VPN client"
      }
    }
    return query.total() == 0 ? 0 : matched / query.total();
  }

  /** {@link #coverage(WeightedTerms, Set, Set)} without a context. */
  public double coverage(WeightedTerms query, Set<String> terms) {
    return coverage(query, terms, Set.of());
  }

  /** Maps a cosine similarity to 0 (unrelated) .. 1 (a paraphrase). */
  public double similarity(double cosine) {
    return clamp((cosine - cosineFloor) / (cosineCeiling - cosineFloor));
  }

  /** The score of a sentence with this {@code coverage} and embedding {@code cosine}. */
  public Evidence score(double coverage, double cosine) {
    double similarity = similarity(cosine);
    return new Evidence(coverage, cosine, similarity, blend(coverageWeight, coverage, similarity));
  }

  /** The score of a sentence with analysed {@code terms} (and {@code context}) and {@code cosine}. */
  public Evidence score(WeightedTerms query, Set<String> terms, Set<String> context,
      double cosine) {
    return score(coverage(query, terms, context), cosine);
  }

  /** {@code coverageWeight * coverage + (1 - coverageWeight) * similarity}. */
  public static double blend(double coverageWeight, double coverage, double similarity) {
    return coverageWeight * coverage + (1 - coverageWeight) * similarity;
  }

  public double coverageWeight() {
    return coverageWeight;
  }

  public double cosineFloor() {
    return cosineFloor;
  }

  public double cosineCeiling() {
    return cosineCeiling;
  }

  public double contextCredit() {
    return contextCredit;
  }

  static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
