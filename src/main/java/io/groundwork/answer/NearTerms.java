package io.groundwork.answer;

import io.groundwork.embed.Embedder;
import io.groundwork.embed.WordVectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The words of a set of passages that mean what a question's words mean, found by the embedding
 * model rather than a lexicon: a passage word whose single-word embedding has a cosine of at
 * least {@code minCosine} with a question word's ("yearly" and "annual", "training" and
 * "learning", "food" and "meal") stands for it, so that a sentence in the documents' words
 * covers a question in the asker's. {@link TermSynonyms} holds the groups the model misses.
 *
 * <p>Two forms of shorthand count as well, as words that stand for a question word together: a
 * compound written as one word ("payday" for "pay day") and initials ("ARR" for "annual
 * recurring revenue", "MFA" for "multi-factor authentication"), each only as the passage's
 * adjacent words.
 *
 * <p>Built for one question and its passages; immutable.
 */
final class NearTerms {
  /** No near terms: every term stands only for itself. */
  static final NearTerms NONE = new NearTerms(Map.of(), Map.of());
  /** Most letters of initials ("ARR", "SLA", "MFA"); longer runs of capitals are words. */
  private static final int MAX_INITIALS = 5;

  /** For each passage term that stands for question terms, those question terms. */
  private final Map<String, Set<String>> standsFor;
  /** For each set of passage terms that together stand for question terms, those terms. */
  private final Map<Set<String>, Set<String>> togetherStandFor;

  private NearTerms(Map<String, Set<String>> standsFor,
      Map<Set<String>, Set<String>> togetherStandFor) {
    this.standsFor = standsFor;
    this.togetherStandFor = togetherStandFor;
  }

  /**
   * Finds the passage words near the question's.
   *
   * @param questionWords each question term with the word it was analysed from (lower case)
   * @param acronyms those of the question's words that it writes in capitals (lower case): only
   *     they are read as initials
   * @param passageWords the lower-case words of each passage, in order
   * @param termOf the term a word is analysed to, or null for a stop word
   * @param vectors embeds single words
   * @param minCosine least cosine of a near word
   */
  static NearTerms find(Map<String, String> questionWords, Set<String> acronyms,
      List<List<String>> passageWords,
      Function<String, String> termOf, WordVectors vectors, double minCosine) {
    if (questionWords.isEmpty() || passageWords.isEmpty()) {
      return NONE;
    }
    Map<String, String> passageTermOf = new LinkedHashMap<>();
    for (List<String> passage : passageWords) {
      for (String word : passage) {
        String term = termOf.apply(word);
        // A word analysed to a question term already matches it; one of no content never does.
        if (term != null && !questionWords.containsKey(term)) {
          passageTermOf.putIfAbsent(word, term);
        }
      }
    }
    Map<Set<String>, Set<String>> together =
        shorthand(questionWords, acronyms, passageWords, termOf);
    if (passageTermOf.isEmpty()) {
      return together.isEmpty() ? NONE : new NearTerms(Map.of(), together);
    }
    List<String> words = new ArrayList<>(new LinkedHashSet<>(questionWords.values()));
    words.addAll(passageTermOf.keySet());
    List<float[]> embedded = vectors.vectors(words);
    Map<String, float[]> vectorOf = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      vectorOf.put(words.get(i), embedded.get(i));
    }
    // A term stands for a question word only if every word of the passages analysed to it is
    // near that word: "set" may mean "setup", but "settings", analysed to the same term, does not.
    Map<String, List<String>> wordsOfTerm = new LinkedHashMap<>();
    passageTermOf.forEach((w, t) -> wordsOfTerm.computeIfAbsent(t, k -> new ArrayList<>()).add(w));
    Map<String, Set<String>> standsFor = new HashMap<>();
    for (Map.Entry<String, String> question : questionWords.entrySet()) {
      float[] q = vectorOf.get(question.getValue());
      for (Map.Entry<String, List<String>> passage : wordsOfTerm.entrySet()) {
        if (passage.getValue().stream()
            .allMatch(w -> Embedder.cosine(q, vectorOf.get(w)) >= minCosine)) {
          standsFor.computeIfAbsent(passage.getKey(), t -> new LinkedHashSet<>())
              .add(question.getKey());
        }
      }
    }
    return new NearTerms(Map.copyOf(standsFor), together);
  }

  /**
   * The runs of adjacent passage words that a question word abbreviates: written together
   * ("payday", "pay day") or as initials ("ARR", "annual recurring revenue"), mapped to the
   * question terms they stand for together.
   */
  private static Map<Set<String>, Set<String>> shorthand(Map<String, String> questionWords,
      Set<String> acronyms, List<List<String>> passageWords, Function<String, String> termOf) {
    Map<Set<String>, Set<String>> together = new HashMap<>();
    for (Map.Entry<String, String> question : questionWords.entrySet()) {
      String word = question.getValue();
      for (List<String> passage : passageWords) {
        for (int i = 0; i + 1 < passage.size(); i++) {
          List<String> run = null;
          if (word.equals(passage.get(i) + passage.get(i + 1))) {
            run = passage.subList(i, i + 2);
          } else if (acronyms.contains(word) && word.length() <= MAX_INITIALS
              && i + word.length() <= passage.size() && initials(passage, i, word.length())
                  .equals(word)) {
            run = passage.subList(i, i + word.length());
          }
          Set<String> runTerms = run == null ? null : terms(run, termOf);
          if (runTerms != null) {
            together.computeIfAbsent(runTerms, t -> new LinkedHashSet<>()).add(question.getKey());
          }
        }
      }
    }
    return Map.copyOf(together);
  }

  private static String initials(List<String> words, int from, int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = from; i < from + count; i++) {
      out.append(words.get(i).charAt(0));
    }
    return out.toString();
  }

  /** The terms of every word of {@code run}, or null when one is a word of no content. */
  private static Set<String> terms(List<String> run, Function<String, String> termOf) {
    Set<String> out = new LinkedHashSet<>();
    for (String word : run) {
      String term = termOf.apply(word);
      if (term == null) {
        return null;
      }
      out.add(term);
    }
    return Set.copyOf(out);
  }

  /** {@code terms} with the question terms that any of them stands for. */
  Set<String> expand(Set<String> terms) {
    if (standsFor.isEmpty() && togetherStandFor.isEmpty()) {
      return terms;
    }
    Set<String> out = null;
    for (Map.Entry<Set<String>, Set<String>> run : togetherStandFor.entrySet()) {
      if (terms.containsAll(run.getKey())) {
        out = out == null ? new HashSet<>(terms) : out;
        out.addAll(run.getValue());
      }
    }
    for (String term : terms) {
      Set<String> questionTerms = standsFor.get(term);
      if (questionTerms != null) {
        if (out == null) {
          out = new HashSet<>(terms);
        }
        out.addAll(questionTerms);
      }
    }
    return out == null ? terms : out;
  }

  /** Whether no passage term stands for a question term. */
  boolean isEmpty() {
    return standsFor.isEmpty() && togetherStandFor.isEmpty();
  }

  @Override
  public String toString() {
    return standsFor + " " + togetherStandFor;
  }
}
