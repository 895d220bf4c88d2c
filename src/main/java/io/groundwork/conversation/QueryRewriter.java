package io.groundwork.conversation;

import java.util.List;

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
}
