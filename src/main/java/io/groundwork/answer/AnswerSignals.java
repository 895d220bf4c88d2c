package io.groundwork.answer;

import io.groundwork.answer.type.AnswerType;

/**
 * What the extractive answerer knew when it decided to answer or to refuse: the signals that its
 * {@linkplain #confidence() confidence} combines, kept for evaluation (the refusal curve) and
 * for reading why an answer was refused.
 *
 * @param answerType what the question asks for
 * @param evidence evidence score (0..1) of the best chosen sentence: its similarity to the
 *     question blended with the share of the question's terms it and its context contain
 * @param passageCoverage IDF-weighted share of the question's content terms that the retrieved
 *     passages contain anywhere (text, title, headings; a near-miss spelling counts): low when
 *     the question is about something no passage mentions ("my dog")
 * @param answerCoverage IDF-weighted share of the question's content terms that the chosen
 *     sentences and their context contain
 * @param typeMatch 1 when a chosen sentence states an entity of the expected type (or no entity
 *     is expected), 0.5 when it states a related one ("26" for a duration), 0 otherwise
 * @param retrievalScore fused retrieval score of the best passage
 * @param retrievalMargin how far the best passage's fused score is ahead of the second's
 * @param section true when the answer is the sentences of a section whose heading matches
 * @param confidence the combined confidence, 0..1, compared with the refusal threshold
 */
public record AnswerSignals(AnswerType answerType, double evidence, double passageCoverage,
    double answerCoverage, double typeMatch, double retrievalScore, double retrievalMargin,
    boolean section, double confidence) {

  /** The signals of a question that no passage answers at all. */
  static AnswerSignals none(AnswerType type) {
    return new AnswerSignals(type, 0, 0, 0, 0, 0, 0, false, 0);
  }
}
