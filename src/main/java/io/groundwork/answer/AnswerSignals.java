package io.groundwork.answer;

import io.groundwork.answer.type.AnswerType;

/**
 * What the extractive answerer knew when it decided to answer or to refuse: the signals that its
 * {@link ConfidenceModel} combines into a {@linkplain #confidence() confidence}, kept for
 * evaluation (the refusal curve, the calibration of the model) and for reading why an answer was
 * refused.
 *
 * @param answerType what the question asks for
 * @param evidence evidence score (0..1) of the best chosen sentence: its similarity to the
 *     question blended with the share of the question's terms it and its context contain
 * @param passageCoverage IDF-weighted share of the question's content terms that the retrieved
 *     passages contain anywhere (text, title, headings; a near-miss spelling counts): low when
 *     the question is about something no passage mentions ("my dog")
 * @param answerCoverage IDF-weighted share of the question's content terms that the chosen
 *     sentences and their context contain
 * @param typeMatch 1 when a chosen sentence states an entity of the expected type close to the
 *     question's words (or no entity is expected), from 0.5 when it stands further away, 0.25
 *     for a related one ("26" for a duration), 0 otherwise
 * @param retrievalScore fused retrieval score of the best passage
 * @param retrievalMargin how far the best passage's fused score is ahead of the second's, as a
 *     share of the best one's (0..1)
 * @param section true when the answer is the sentences of a section whose heading matches
 * @param support how well the chosen sentences on their own support the question, scored as the
 *     verifier scores a claim against its sources (term overlap without the context's credit,
 *     blended with the sentence's own embedding similarity), 0..1
 * @param uncoveredTerm the largest share of the question's IDF weight held by a single content
 *     term that neither the chosen sentences nor their context contain (0..1): high when the one
 *     word that makes the question specific ("gym", "Germany") is missing from the answer
 * @param sentenceMargin how far the best sentence's evidence is ahead of the best sentence of
 *     any other document (0..1): high when one passage clearly answers, near 0 when several
 *     documents answer equally weakly
 * @param phraseCoverage the share of the question's phrases (adjacent content words: "company
 *     car") that the chosen sentences, their headings or their titles state as phrases (0..1; 1
 *     when the question has none): low when the answer holds the words apart ("a personal car on
 *     company business")
 * @param confidence the combined confidence, 0..1, compared with the refusal threshold
 */
public record AnswerSignals(AnswerType answerType, double evidence, double passageCoverage,
    double answerCoverage, double typeMatch, double retrievalScore, double retrievalMargin,
    boolean section, double support, double uncoveredTerm, double sentenceMargin,
    double phraseCoverage, double confidence) {

  /** The signals of a question that no passage answers at all. */
  static AnswerSignals none(AnswerType type) {
    return new AnswerSignals(type, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, 0);
  }

  /** These signals with {@code confidence} in place of this one's. */
  AnswerSignals withConfidence(double confidence) {
    return new AnswerSignals(answerType, evidence, passageCoverage, answerCoverage, typeMatch,
        retrievalScore, retrievalMargin, section, support, uncoveredTerm, sentenceMargin,
        phraseCoverage, confidence);
  }
}
