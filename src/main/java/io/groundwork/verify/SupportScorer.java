package io.groundwork.verify;

import java.util.List;

/**
 * Scores how well cited passages support one sentence of an answer. The default is {@link
 * DefaultSupportScorer} (lexical overlap plus embedding similarity); a stronger in-process model
 * (e.g. an NLI cross-encoder) can implement this interface and replace it. Implementations must
 * be thread-safe.
 */
public interface SupportScorer {
  /**
   * Scores {@code claim} against {@code passages}, the full texts of the sources it cites.
   * Returns {@link SupportScore#NONE} when {@code passages} is empty.
   */
  SupportScore score(String claim, List<String> passages);

  /** Name recorded with each verification, e.g. {@code "lexical+embedding"}. */
  String name();
}
