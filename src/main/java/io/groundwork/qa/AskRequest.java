package io.groundwork.qa;

import java.util.Set;

/**
 * A question with its options.
 *
 * @param question the question
 * @param topK chunks to retrieve, or null for the configured default
 * @param sources only these sources, empty for all
 * @param documentIds only these documents, empty for all
 * @param searchQuery what to search and answer: the question made standalone from the earlier
 *     turns of its conversation; null for the question itself
 * @param conversationId the conversation the question belongs to, recorded in the audit trail;
 *     null for none
 */
public record AskRequest(String question, Integer topK, Set<String> sources, Set<String> documentIds,
    String searchQuery, String conversationId) {
  public AskRequest {
    sources = sources == null ? Set.of() : Set.copyOf(sources);
    documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
    searchQuery = searchQuery == null || searchQuery.isBlank() ? question : searchQuery;
  }

  /** A question outside any conversation. */
  public AskRequest(String question, Integer topK, Set<String> sources, Set<String> documentIds) {
    this(question, topK, sources, documentIds, null, null);
  }

  /** The same request, searching {@code query} within conversation {@code conversation}. */
  public AskRequest inConversation(String query, String conversation) {
    return new AskRequest(question, topK, sources, documentIds, query, conversation);
  }

  public static AskRequest of(String question) {
    return new AskRequest(question, null, Set.of(), Set.of());
  }
}
