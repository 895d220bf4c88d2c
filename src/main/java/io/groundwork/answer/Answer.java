package io.groundwork.answer;

import java.util.List;

/**
 * An answer, or a refusal.
 *
 * @param text the answer, with citation markers {@code [n]}; the refusal text when refused
 * @param citations the citations the markers refer to, by number; empty when refused
 * @param refused true when the knowledge base does not answer the question
 * @param answerer which answerer produced it
 * @param promptVersion version of the prompt templates used
 */
public record Answer(
    String text, List<Citation> citations, boolean refused, String answerer, String promptVersion) {
  public Answer {
    citations = List.copyOf(citations);
  }
}
