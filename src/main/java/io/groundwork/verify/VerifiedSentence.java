package io.groundwork.verify;

import java.util.List;

/**
 * One sentence of an answer as the verifier judged it.
 *
 * @param index 0-based position of the sentence in the answer as produced
 * @param text the sentence without its citation markers
 * @param citations the numbers of the sources it cites that were in the context
 * @param invalidCitations numbers it cited that were not in the context (removed from the answer)
 * @param support the support score of the sentence by its cited passages, [0, 1]
 * @param lexical the lexical part of the score
 * @param semantic the embedding-similarity part of the score
 * @param evidence the cited sentence that supports it best, or ""
 * @param status what the verifier did with it
 */
public record VerifiedSentence(
    int index, String text, List<Integer> citations, List<Integer> invalidCitations,
    double support, double lexical, double semantic, String evidence, Status status) {
  public VerifiedSentence {
    citations = List.copyOf(citations);
    invalidCitations = List.copyOf(invalidCitations);
  }

  /** What the verifier did with a sentence. */
  public enum Status {
    /** Support at or above the threshold: kept. */
    SUPPORTED,
    /** Support below the threshold (or no valid citation): removed from the answer. */
    REMOVED,
    /** Support below the threshold: kept, marked {@code [unverified]} in the answer. */
    FLAGGED,
    /** A lead-in ending with a colon and citing nothing (e.g. "From the knowledge base:"). */
    LEAD_IN
  }
}
