package io.groundwork.draft;

import java.util.List;

/**
 * An ask of the ticket and whether the draft answers it.
 *
 * @param text the customer's sentence, personal data masked
 * @param covered true when customer-safe documents answer it; false: the draft does not answer
 *     it, and says so instead of inventing an answer
 * @param citations numbers of the draft's citations its answer cites
 * @param reason why it is not covered, or null
 */
public record DraftAsk(String text, boolean covered, List<Integer> citations, String reason) {
  public DraftAsk {
    citations = List.copyOf(citations);
  }
}
