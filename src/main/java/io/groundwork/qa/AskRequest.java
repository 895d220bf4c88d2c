package io.groundwork.qa;

import java.util.Set;

/**
 * A question with its options.
 *
 * @param question the question
 * @param topK chunks to retrieve, or null for the configured default
 * @param sources only these sources, empty for all
 * @param documentIds only these documents, empty for all
 */
public record AskRequest(String question, Integer topK, Set<String> sources, Set<String> documentIds) {
  public AskRequest {
    sources = sources == null ? Set.of() : Set.copyOf(sources);
    documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
  }

  public static AskRequest of(String question) {
    return new AskRequest(question, null, Set.of(), Set.of());
  }
}
