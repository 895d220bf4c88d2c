package io.groundwork.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic query rewriter, used when no language model is configured (and as the
 * fallback of one that fails). A follow-up that depends on what came before is made standalone
 * by carrying the subject of the previous turn into it; a question that stands on its own is
 * searched as asked.
 *
 * <p>A follow-up depends on the conversation when it refers back (a pronoun such as "it" or
 * "they", or an opening such as "and if", "what about") or when it has at most
 * {@link #shortQuestionTerms} content words. The subject carried is the content words of the
 * previous turn's search query (which holds the subject it carried itself, so a third turn still
 * knows what the first was about) that the follow-up does not already say, at most
 * {@link #maxCarriedTerms} of them, the previous question's own words first. It is appended to
 * the question, so the searched text stays readable: {@code "And if I already typed my
 * password? (report phishing email)"}. Immutable and thread-safe.
 */
public final class FollowUpRewriter implements QueryRewriter {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*");
  private static final Pattern OPENING = Pattern.compile(
      "^(and|but|or|so|also|then|what about|how about|what if|and if|and what|same for|"
          + "what else|anything else|why|how come)\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Set<String> REFERS_BACK = Set.of("it", "its", "it's", "this",
      "those", "these", "they", "them", "their", "theirs", "he", "she", "him", "her",
      "his", "hers", "one", "ones", "same", "such", "above", "former", "latter");
  /** Words that carry no subject: function words, question words, pronouns, generic verbs. */
  private static final Set<String> NOT_CONTENT = Set.of(
      "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at",
      "by", "for", "with", "about", "from", "into", "onto", "as", "than", "too", "also", "again",
      "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "it", "its",
      "it's", "that", "this", "those", "these", "they", "them", "their", "there", "he", "she",
      "him", "her", "his", "hers", "one", "ones", "same", "such", "what", "which", "who", "whom",
      "whose", "when", "where", "why", "how", "whether", "is", "are", "was", "were", "be", "been",
      "being", "am", "do", "does", "did", "done", "doing", "have", "has", "had", "can", "could",
      "should", "would", "will", "shall", "may", "might", "must", "not", "no", "yes", "any",
      "some", "all", "more", "most", "else", "other", "another", "already", "just", "only",
      "still", "now", "please", "thanks", "thank", "ok", "okay", "get", "got", "need", "want",
      "know", "tell", "say", "said", "let", "like", "much", "many", "very", "really", "instead",
      "happens", "happen", "what's", "how's", "who's", "where's", "i'm", "i've", "don't",
      "doesn't", "can't", "isn't", "aren't", "there's", "former", "latter", "above", "else's");

  private final int shortQuestionTerms;
  private final int maxCarriedTerms;

  /**
   * @param shortQuestionTerms a question with at most this many content words is a follow-up
   *     (0 or more)
   * @param maxCarriedTerms how many words of subject are carried at most (1 or more)
   */
  public FollowUpRewriter(int shortQuestionTerms, int maxCarriedTerms) {
    if (shortQuestionTerms < 0) {
      throw new IllegalArgumentException("shortQuestionTerms must be >= 0, got " + shortQuestionTerms);
    }
    if (maxCarriedTerms < 1) {
      throw new IllegalArgumentException("maxCarriedTerms must be >= 1, got " + maxCarriedTerms);
    }
    this.shortQuestionTerms = shortQuestionTerms;
    this.maxCarriedTerms = maxCarriedTerms;
  }

  /** The defaults: follow-ups of up to 3 content words, at most 8 words of subject carried. */
  public FollowUpRewriter() {
    this(3, 8);
  }

  @Override
  public String standalone(List<Turn> history, String question) {
    if (history.isEmpty()) {
      return question;
    }
    List<String> words = words(question);
    Set<String> asked = new LinkedHashSet<>(content(words));
    if (!refersBack(question, words) && asked.size() > shortQuestionTerms) {
      return question;
    }
    Turn previous = history.get(history.size() - 1);
    Set<String> subject = new LinkedHashSet<>(content(words(previous.question())));
    subject.addAll(content(words(previous.searchQuery())));
    List<String> carried = new ArrayList<>();
    for (String term : subject) {
      if (!asked.contains(term) && carried.size() < maxCarriedTerms) {
        carried.add(term);
      }
    }
    if (carried.isEmpty()) {
      return question;
    }
    return question.strip() + " (" + String.join(" ", carried) + ")";
  }

  /** True when the question refers back to something said before. */
  static boolean refersBack(String question, List<String> words) {
    return OPENING.matcher(question.strip()).matches()
        || words.stream().anyMatch(REFERS_BACK::contains);
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  private static List<String> content(List<String> words) {
    return words.stream().filter(w -> !NOT_CONTENT.contains(w) && !isParenthesisMarker(w))
        .toList();
  }

  private static boolean isParenthesisMarker(String word) {
    return word.length() < 2 && !Character.isDigit(word.charAt(0));
  }
}
