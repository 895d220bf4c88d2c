package io.groundwork.draft;

import io.groundwork.text.SentenceSplitter;
import io.groundwork.text.TextSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The difference between a draft and its final text, sentence by sentence (a reviewer reads
 * which sentences were removed, added or kept; a character diff of prose is unreadable): a
 * longest common subsequence of the sentences of both, each line of the result prefixed with
 * {@code "  "} (kept), {@code "- "} (only in the draft) or {@code "+ "} (only in the final text).
 * Stateless.
 */
public final class TextDiff {
  private static final SentenceSplitter SPLITTER = new SentenceSplitter();

  private TextDiff() {}

  /** The sentence diff from {@code before} to {@code after}. */
  public static List<String> sentences(String before, String after) {
    List<String> a = split(before);
    List<String> b = split(after);
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> diff = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        diff.add("  " + a.get(i++));
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        diff.add("- " + a.get(i++)); // removals before additions, as diffs read
      } else {
        diff.add("+ " + b.get(j++));
      }
    }
    return diff;
  }

  /** Whether the diff changes anything. */
  public static boolean changed(List<String> diff) {
    return diff.stream().anyMatch(line -> !line.startsWith("  "));
  }

  private static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    for (String line : text.split("\\R")) {
      for (TextSpan span : SPLITTER.split(line)) {
        String sentence = span.text().replaceAll("\\s+", " ").strip();
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
        }
      }
    }
    return sentences;
  }
}
