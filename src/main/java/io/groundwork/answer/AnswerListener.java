package io.groundwork.answer;

/**
 * Receives an answer while it is being made: the text as the model generates it, and notices
 * (e.g. that the model failed and the answer falls back to extraction). Calls come from one
 * thread at a time, though not necessarily the caller's; implementations must not block long.
 */
public interface AnswerListener {
  /** A listener that ignores everything: the caller wants only the finished answer. */
  AnswerListener NONE = new AnswerListener() {
    @Override
    public void token(String text) {}
  };

  /** The next piece of the answer text as generated (unverified). */
  void token(String text);

  /** A message for the user about how the answer is being made. */
  default void notice(String message) {}
}
