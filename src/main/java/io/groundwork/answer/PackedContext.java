package io.groundwork.answer;

import java.util.List;

/**
 * The prompt made for one question: the user turn with the fenced, numbered sources, and a
 * citation for each source, numbered as in the prompt.
 *
 * @param system the system prompt
 * @param user the user turn (answer template filled in)
 * @param boundary the random fence boundary of this prompt
 * @param citations one per packed source, number {@code n} for source {@code [n]}; the quote is
 *     the document text given to the model (before neutralisation)
 * @param estimatedTokens estimated prompt tokens (system plus user turn)
 * @param neutralized pieces of instruction-like markup removed from the sources
 * @param truncatedSources sources cut short to fit the budget (0 or 1)
 * @param droppedSources retrieved chunks left out because the budget was spent
 */
public record PackedContext(
    String system, String user, String boundary, List<Citation> citations, int estimatedTokens,
    int neutralized, int truncatedSources, int droppedSources) {
  public PackedContext {
    citations = List.copyOf(citations);
  }
}
