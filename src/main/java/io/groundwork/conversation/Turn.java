package io.groundwork.conversation;

/**
 * An earlier turn as query rewriting sees it.
 *
 * @param question the question as the person asked it
 * @param searchQuery the standalone query that was searched for it
 * @param answer the answer given (empty when unknown)
 */
public record Turn(String question, String searchQuery, String answer) {
  public Turn {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("a turn needs its question");
    }
    searchQuery = searchQuery == null || searchQuery.isBlank() ? question : searchQuery;
    answer = answer == null ? "" : answer;
  }
}
