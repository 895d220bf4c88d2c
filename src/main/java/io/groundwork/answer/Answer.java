package io.groundwork.answer;

import java.util.List;
import java.util.Map;

/**
 * An answer, or a refusal.
 *
 * @param text the answer, with citation markers {@code [n]}; the refusal text when refused
 * @param citations the citations the markers refer to, by number; empty when refused
 * @param refused true when the knowledge base does not answer the question
 * @param answerer which answerer produced it
 * @param promptVersion version of the prompt templates used
 * @param fallbackReason why the configured language model was not used and this answer comes
 *     from the fallback answerer (e.g. {@code "timeout: ..."}), or null when it was not needed
 * @param notice a message for the user about how the answer was made (e.g. the fallback), or null
 * @param closestPassages with a refusal, the passages that came closest to answering, for the
 *     reader to judge; never an answer, never cited in the text; empty otherwise
 * @param llmPiiMasked personal data masked in what was sent to a language model to make this
 *     answer, by kind (each occurrence counts); empty when no model saw any
 */
public record Answer(
    String text, List<Citation> citations, boolean refused, String answerer, String promptVersion,
    String fallbackReason, String notice, List<Citation> closestPassages,
    Map<String, Integer> llmPiiMasked) {
  public Answer {
    citations = List.copyOf(citations);
    closestPassages = closestPassages == null ? List.of() : List.copyOf(closestPassages);
    llmPiiMasked = llmPiiMasked == null ? Map.of() : Map.copyOf(llmPiiMasked);
  }

  /** An answer without masking counts. */
  public Answer(String text, List<Citation> citations, boolean refused, String answerer,
      String promptVersion, String fallbackReason, String notice, List<Citation> closestPassages) {
    this(text, citations, refused, answerer, promptVersion, fallbackReason, notice,
        closestPassages, Map.of());
  }

  /** An answer without closest passages. */
  public Answer(String text, List<Citation> citations, boolean refused, String answerer,
      String promptVersion, String fallbackReason, String notice) {
    this(text, citations, refused, answerer, promptVersion, fallbackReason, notice, List.of());
  }

  /** An answer made as intended, without fallback or notice. */
  public Answer(String text, List<Citation> citations, boolean refused, String answerer,
      String promptVersion) {
    this(text, citations, refused, answerer, promptVersion, null, null);
  }

  /** This answer, marked as made by the fallback answerer for {@code reason}. */
  public Answer asFallback(String reason, String notice) {
    return new Answer(text, citations, refused, answerer, promptVersion, reason, notice,
        closestPassages, llmPiiMasked);
  }

  /** This answer, counting {@code masked} as sent to a language model to make it. */
  public Answer withLlmPiiMasked(Map<String, Integer> masked) {
    return new Answer(text, citations, refused, answerer, promptVersion, fallbackReason, notice,
        closestPassages, masked);
  }
}
