package io.groundwork.conversation;

import java.util.List;
import java.util.Map;

/**
 * Turns a follow-up question into a standalone search query, using the conversation's earlier
 * turns. Implementations are thread-safe.
 */
public interface QueryRewriter {
  /**
   * The query to search for {@code question}.
   *
   * @param history the earlier turns, oldest first; empty for a first question
   * @param question the new question as asked
   * @return the standalone query; {@code question} itself when it needs nothing from the history
   */
  String standalone(List<Turn> history, String question);

  /**
   * A standalone query and the personal data masked, by kind, in what a language model was sent
   * to make it (empty when no model was asked).
   */
  record Rewrite(String query, Map<String, Integer> llmPiiMasked) {
    public Rewrite {
      llmPiiMasked = llmPiiMasked == null ? Map.of() : Map.copyOf(llmPiiMasked);
    }
  }

  /** {@link #standalone} with what a language model was sent masked, counted. */
  default Rewrite rewrite(List<Turn> history, String question) {
    return new Rewrite(standalone(history, question), Map.of());
  }
}
