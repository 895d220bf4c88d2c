package io.groundwork.evidence;

/**
 * The evidence score of one sentence for one query, with the parts it is made of.
 *
 * @param coverage IDF-weighted share of the query's content terms that the sentence (or, at a
 *     discount, its context) contains; in [0, 1] but for the last bit of rounding
 * @param cosine cosine similarity of the query's and the sentence's embeddings, as given
 * @param similarity {@code cosine} rescaled from the scorer's [floor, ceiling] to [0, 1], clamped
 * @param blended {@code w * coverage + (1 - w) * similarity} for the scorer's coverage weight
 *     {@code w}; not clamped, so that candidates compare exactly as computed
 */
public record Evidence(double coverage, double cosine, double similarity, double blended) {
  /** {@link #blended()} clamped to [0, 1]: a score to compare with a threshold. */
  public double clampedBlend() {
    return EvidenceScorer.clamp(blended);
  }
}
