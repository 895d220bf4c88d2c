package io.groundwork.answer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
   * refusal.
   */
  @WithDefault("0.45")
  double minEvidence();

  /**
   * Least confidence (0..1) of an extractive answer; below it, the answer is a refusal that
   * offers the closest passages. The confidence combines the best sentence's evidence, how much
   * of the question the retrieved passages and the chosen sentences cover, and whether the
   * sentences state the kind of answer asked for; the default was chosen on the development set
   * (see docs/evaluation.md).
   */
  @WithDefault("0.5")
  double minConfidence();

  /** Most sentences an answer taken from one matching section (a procedure's steps) cites. */
  @WithDefault("8")
  int maxSectionSentences();

  /** A further sentence is cited only if its score is at least this share of the best one. */
  @WithDefault("0.75")
  double relativeCutoff();
}
