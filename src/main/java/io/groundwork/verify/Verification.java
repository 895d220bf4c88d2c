package io.groundwork.verify;

import java.util.List;

/**
 * The verification of one answer.
 *
 * @param scorer name of the support scorer
 * @param minSupport the threshold a sentence's support must reach
 * @param mode what happens to unsupported sentences ({@code remove} or {@code flag})
 * @param sentences every sentence of the answer as produced, in order, with its verdict
 * @param supportedSentences sentences at or above the threshold
 * @param removedSentences sentences removed from the answer
 * @param flaggedSentences sentences kept but flagged as unsupported
 * @param invalidCitationsRemoved citation markers to sources that were not in the context
 * @param refusedByVerification true when no sentence was supported and the answer became a refusal
 */
public record Verification(
    String scorer, double minSupport, String mode, List<VerifiedSentence> sentences,
    int supportedSentences, int removedSentences, int flaggedSentences,
    int invalidCitationsRemoved, boolean refusedByVerification) {
  public Verification {
    sentences = List.copyOf(sentences);
  }
}
