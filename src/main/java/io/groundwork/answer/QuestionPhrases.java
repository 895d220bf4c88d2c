package io.groundwork.answer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases of a question, pairs of adjacent content words ("company car", "interest rate",
 * "business cards"), and how many of them a text states as a phrase.
 *
 * <p>A sentence that holds both words of a phrase apart ("a personal car on company business")
 * is about something else than the phrase names; the share of the question's phrases that the
 * chosen sentences state is one of the answer's refusal signals. A text states a phrase when its
 * two words (as analysed terms, so "cards" is "card") stand in order with at most one word
 * between them ("company pool car"), or reversed across "of" or "for" ("rate of interest",
 * "cards for the business"). Immutable and thread-safe.
 */
final class QuestionPhrases {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019-]*");
  private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s?$");
  /** Words that join a phrase's two words in reverse order ("rate of interest"). */
  private static final Set<String> REVERSING = Set.of("of", "for");
  /** Words that may stand between a reversing word and the phrase's first word ("of the"). */
  private static final Set<String> ARTICLES = Set.of("the", "a", "an", "our", "your", "their");

  /** Two content terms that stand next to each other in the question. */
  record Phrase(String first, String second) {}

  private final List<Phrase> phrases;
  private final UnaryOperator<String> contentTerm;

  /**
   * @param question the question's text
   * @param contentTerm the term a lower-case word is analysed to, or null when the word carries
   *     no content (a stop word, a question word, a number)
   */
  QuestionPhrases(String question, UnaryOperator<String> contentTerm) {
    if (question == null || contentTerm == null) {
      throw new IllegalArgumentException("question and contentTerm are required");
    }
    this.contentTerm = contentTerm;
    List<String> terms = terms(question);
    List<Phrase> found = new ArrayList<>();
    for (int i = 0; i + 1 < terms.size(); i++) {
      if (terms.get(i) != null && terms.get(i + 1) != null
          && !terms.get(i).equals(terms.get(i + 1))) {
        Phrase phrase = new Phrase(terms.get(i), terms.get(i + 1));
        if (!found.contains(phrase)) {
          found.add(phrase);
        }
      }
    }
    this.phrases = List.copyOf(found);
  }

  /** The question's phrases, in order. */
  List<Phrase> phrases() {
    return phrases;
  }

  /**
   * The share of the question's phrases that one of {@code texts} states; 1 when the question
   * has none.
   */
  double coverage(Collection<String> texts) {
    if (phrases.isEmpty()) {
      return 1;
    }
    List<List<String>> analysed = new ArrayList<>();
    List<List<String>> words = new ArrayList<>();
    for (String text : texts) {
      List<String> lower = words(text);
      words.add(lower);
      analysed.add(lower.stream().map(this::term).toList());
    }
    int stated = 0;
    for (Phrase phrase : phrases) {
      for (int t = 0; t < analysed.size(); t++) {
        if (states(analysed.get(t), words.get(t), phrase)) {
          stated++;
          break;
        }
      }
    }
    return (double) stated / phrases.size();
  }

  private static boolean states(List<String> terms, List<String> words, Phrase phrase) {
    for (int i = 0; i < terms.size(); i++) {
      if (phrase.first().equals(terms.get(i))) {
        for (int j = i + 1; j <= i + 2 && j < terms.size(); j++) {
          if (phrase.second().equals(terms.get(j))) {
            return true;
          }
        }
      } else if (phrase.second().equals(terms.get(i)) && i + 2 < terms.size()
          && REVERSING.contains(words.get(i + 1))) {
        int j = ARTICLES.contains(words.get(i + 2)) ? i + 3 : i + 2;
        if (j < terms.size() && phrase.first().equals(terms.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  private List<String> terms(String text) {
    return words(text).stream().map(this::term).toList();
  }

  private String term(String word) {
    return contentTerm.apply(POSSESSIVE.matcher(word).replaceFirst(""));
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
