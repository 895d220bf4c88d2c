package io.groundwork.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the words that frame a question from it before a lexical search ("what does CDC mean"
 * searches for "CDC"): question words, pronouns, auxiliary verbs, their contractions, and the
 * verbs of asking ("mean", "tell"). Lucene's English stop list keeps these, and BM25 would reward
 * every chunk that says "means" or "our" for them. Words that may carry content ("long", "need",
 * "leave") are kept; the vector search still reads the whole question.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuestionFrame {
  private static final Set<String> FRAME = Set.of((
      "how what which who whom whose when where why do does did done have has had i me my mine we"
          + " us our ours you your yours can could should would may might must shall am is are was"
          + " were be been being i'm im i've ive i'd i'll we're we've you're they're can't cant"
          + " don't dont doesn't doesnt didn't didnt isn't isnt aren't arent won't wont wouldn't"
          + " couldn't shouldn't haven't hasn't myself yourself ourselves please tell mean means"
          + " meant stand stands").split(" "));
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

  private QuestionFrame() {}

  /**
   * {@code question} without its framing words, the other words in their order, separated by a
   * space; {@code question} itself when nothing else would remain ("Who are you?").
   */
  public static String keywords(String question) {
    if (question == null) {
      throw new IllegalArgumentException("question must not be null");
    }
    StringBuilder kept = new StringBuilder();
    Matcher word = WORD.matcher(question.replace('\u2019', '\''));
    while (word.find()) {
      String lower = word.group().toLowerCase(Locale.ROOT);
      String stem = lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower;
      if (!FRAME.contains(lower) && !FRAME.contains(stem)) {
        kept.append(kept.isEmpty() ? "" : " ").append(word.group());
      }
    }
    return kept.isEmpty() ? question : kept.toString();
  }
}
