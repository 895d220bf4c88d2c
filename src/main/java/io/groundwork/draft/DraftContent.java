package io.groundwork.draft;

import io.groundwork.answer.Citation;
import java.util.List;
import java.util.Map;

/**
 * What a draft consists of, as stored with it.
 *
 * @param sentences every sentence of the draft text, in order
 * @param asks the asks of the ticket, in order
 * @param citations the citations the sentences refer to, numbered from 1 across the draft
 * @param answerer which answerer wrote the answers ({@code extractive}, or the LLM)
 * @param promptVersion version of the templates and prompts used
 * @param retrieved per ask, the ids of the chunks retrieved for it
 * @param latenciesMs duration of each stage
 * @param llmPiiMasked personal data masked in what the language model was sent, by kind
 */
public record DraftContent(List<DraftSentence> sentences, List<DraftAsk> asks,
    List<Citation> citations, String answerer, String promptVersion,
    List<List<String>> retrieved, Map<String, Double> latenciesMs,
    Map<String, Integer> llmPiiMasked) {
  public DraftContent {
    llmPiiMasked = llmPiiMasked == null ? Map.of() : Map.copyOf(llmPiiMasked);
  }

  /** Content no language model saw personal data of. */
  public DraftContent(List<DraftSentence> sentences, List<DraftAsk> asks,
      List<Citation> citations, String answerer, String promptVersion,
      List<List<String>> retrieved, Map<String, Double> latenciesMs) {
    this(sentences, asks, citations, answerer, promptVersion, retrieved, latenciesMs, Map.of());
  }
}
