package io.groundwork.draft;

import java.util.List;

/**
 * One sentence of a draft.
 *
 * @param text the sentence without citation markers
 * @param kind {@code answer} (answers an ask, cited), or a part taken from the templates in
 *     {@code prompts/}, which states no fact and cites nothing: {@code greeting}, {@code opening},
 *     {@code holding} (the line for asks not covered), {@code closing}
 * @param ask index of the ask it answers, or -1 for a template sentence
 * @param citations numbers of the draft's citations it cites
 * @param support its support score by the cited passages, or null for a template sentence
 * @param status {@code supported}, {@code flagged} (below the support threshold, kept marked
 *     in flag mode) or {@code template}
 */
public record DraftSentence(String text, String kind, int ask, List<Integer> citations,
    Double support, String status) {
  public static final String TEMPLATE = "template";
  public static final String ANSWER = "answer";
  public static final String GREETING = "greeting";
  public static final String OPENING = "opening";
  public static final String HOLDING = "holding";
  public static final String CLOSING = "closing";

  public DraftSentence {
    citations = List.copyOf(citations);
  }

  /** A sentence of the template part {@code kind}. */
  static DraftSentence template(String kind, String text) {
    return new DraftSentence(text, kind, -1, List.of(), null, TEMPLATE);
  }
}
