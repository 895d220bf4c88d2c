package io.groundwork.verify;

/**
 * How well some evidence supports a claim.
 *
 * @param support the combined score in [0, 1]; compare it with the verifier's threshold
 * @param lexical share of the claim's content terms found in the best evidence sentence, [0, 1]
 * @param semantic rescaled embedding similarity of the claim and the best evidence sentence, [0, 1]
 * @param evidence the evidence sentence that supports the claim best, or "" when there is none
 */
public record SupportScore(double support, double lexical, double semantic, String evidence) {
  /** The score of a claim without any evidence. */
  public static final SupportScore NONE = new SupportScore(0, 0, 0, "");

  public SupportScore {
    if (!(support >= 0 && support <= 1)) {
      throw new IllegalArgumentException("support must be in [0, 1], got " + support);
    }
    if (evidence == null) {
      throw new IllegalArgumentException("evidence must not be null");
    }
  }
}
