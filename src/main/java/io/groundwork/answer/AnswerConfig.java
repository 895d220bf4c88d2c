package io.groundwork.answer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Answering settings ({@code groundwork.answer.*}). */
@ConfigMapping(prefix = "groundwork.answer")
public interface AnswerConfig {
  /** Folder of the prompt templates. */
  @WithDefault("prompts")
  String promptsDir();

  /** Most sentences an extractive answer cites. */
  @WithDefault("3")
  int maxSentences();

  /** Retrieved chunks the extractive answerer reads sentences from. */
  @WithDefault("5")
  int chunksConsidered();

  /**
   * Least evidence score (0..1, a blend of the sentence's similarity to the question and the
   * share of the question's terms it contains) of the best sentence; below it, the answer is a
   * refusal whatever its confidence. Kept low so that the confidence model, which weighs the
   * evidence with the other signals, decides most refusals.
   */
  @WithDefault("0.3")
  double minEvidence();

  /**
   * Least confidence (0..1) of an extractive answer; below it, the answer is a refusal that
   * offers the closest passages. The confidence is a logistic model over the answer's signals
   * (evidence, coverage of the question by the passages and by the chosen sentences, the largest
   * share of the question held by a word the answer lacks, answer-type match, the chosen
   * sentences' own support, retrieval score and margin, how far the best sentence is ahead of
   * other documents', how many of the question's phrases the answer states). Unset, the
   * threshold stored with the model's weights applies: the one of the best refusal F1 on the
   * development set, which {@code groundwork calibrate-refusal} chooses when it fits the weights
   * (see docs/evaluation.md).
   */
  Optional<Double> minConfidence();

  /** Most sentences an answer taken from one matching section (a procedure's steps) cites. */
  @WithDefault("8")
  int maxSectionSentences();

  /** A further sentence is cited only if its score is at least this share of the best one. */
  @WithDefault("0.75")
  double relativeCutoff();

  /**
   * Least cosine between the single-word embeddings of a question's word and a passage's word
   * ("yearly" and "annual", "training" and "learning") for the passage's word to count as the
   * question's when the extractive answerer measures how much of the question a sentence covers;
   * 1 turns it off. Lower lets looser neighbours in ("set" for "setup"), which also makes
   * questions that nothing answers look covered.
   */
  @WithDefault("0.82")
  double nearTermCosine();
}
