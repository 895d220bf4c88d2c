package io.groundwork.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into sentences with their exact character offsets. Line breaks that end a block
 * (a blank line, a heading or list item) also end a sentence, because parsed documents put each
 * block on its own line and a heading is never part of the following sentence.
 *
 * <p>Within a line, sentence boundaries are the JDK's {@link BreakIterator} boundaries, corrected
 * for what it gets wrong in technical and scientific writing, where a mis-split sentence is cited
 * as a fragment and a merged one cites a neighbour with it:
 *
 * <ul>
 *   <li>no break after an abbreviation that does not end a sentence ("e.g. IL-6", "et al.
 *       (2004)", "vs. TNF", "Fig. 3") or after initials ("B. Demple and C.F. Amabile");
 *   <li>a break after a sentence's full stop before a sentence that starts with a lower-case
 *       identifier or a number ("... in mice. miR-375 binds ...", "... were screened. 31 were
 *       eligible"), unless the stop ends an abbreviation or a single letter ("E. coli",
 *       "p. 561", "a.m. and").
 * </ul>
 *
 * <p>Leading and trailing white space is trimmed from each sentence; offsets refer to the trimmed
 * sentence. Instances are immutable and thread-safe.
 */
public final class SentenceSplitter {
  /** Abbreviations (lower case, without their final stop) that never end a sentence. */
  private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "vs", "cf", "al", "approx",
      "ca", "fig", "figs", "ref", "refs", "eq", "eqs", "dr", "mr", "mrs", "prof");
  /**
   * Abbreviations that may end a sentence ("... and Listeria spp. Results ...") but do not when
   * a number or a lower-case word follows ("No. 5", "sp. nov.", "etc.) and", "Aug. 31").
   */
  private static final Set<String> ABBREVIATIONS_BEFORE_LOWER_CASE = Set.of("no", "nos", "vol",
      "pp", "sp", "spp", "etc", "ext", "tel", "resp", "incl", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec");
  /** A word with inner stops: "e.g", "a.m", "U.S". */
  private static final Pattern DOTTED = Pattern.compile("\\p{L}+(?:\\.\\p{L}+)+");
  /** A full stop, closing quotes or brackets, white space, then a lower-case letter or a digit. */
  private static final Pattern LOWER_CASE_START =
      Pattern.compile("[.][\"'\u2019\u201D)\\]]*\\s+(?=[\\p{Ll}\\p{N}])");
  /** Initials: "C.F.", "U.S.". */
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){2,}");

  private final Locale locale;

  /** Creates a splitter for English text. */
  public SentenceSplitter() {
    this(Locale.ENGLISH);
  }

  public SentenceSplitter(Locale locale) {
    if (locale == null) {
      throw new IllegalArgumentException("locale must not be null");
    }
    this.locale = locale;
  }

  /** Returns the sentences of {@code text}, in order, none of them blank. */
  public List<TextSpan> split(String text) {
    List<TextSpan> sentences = new ArrayList<>();
    int lineStart = 0;
    int length = text.length();
    while (lineStart < length) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = length;
      }
      splitLine(text, lineStart, lineEnd, sentences);
      lineStart = lineEnd + 1;
    }
    return sentences;
  }

  private void splitLine(String text, int from, int to, List<TextSpan> out) {
    if (from >= to) {
      return;
    }
    BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
    String line = text.substring(from, to);
    iterator.setText(line);
    TreeSet<Integer> breaks = new TreeSet<>();
    iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
      if (end == line.length() || !afterAbbreviation(line, end)) {
        breaks.add(end);
      }
    }
    Matcher matcher = LOWER_CASE_START.matcher(line);
    while (matcher.find()) {
      String word = lastWord(line, matcher.start());
      String lower = word.toLowerCase(Locale.ROOT);
      if (word.length() > 1 && !DOTTED.matcher(word).matches() && !ABBREVIATIONS.contains(lower)
          && !ABBREVIATIONS_BEFORE_LOWER_CASE.contains(lower)) {
        breaks.add(matcher.end());
      }
    }
    int start = 0;
    for (int end : breaks) {
      TextSpan.addTrimmed(text, from + start, from + end, out);
      start = end;
    }
  }

  /**
   * Whether the break at {@code end} (after white space) follows a stop that ends an
   * abbreviation or initials rather than a sentence.
   */
  private static boolean afterAbbreviation(String line, int end) {
    int stop = end;
    while (stop > 0 && Character.isWhitespace(line.charAt(stop - 1))) {
      stop--;
    }
    if (stop == 0 || line.charAt(stop - 1) != '.') {
      return false;
    }
    String word = lastWord(line, stop - 1);
    if (ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))
        || INITIALS.matcher(word + ".").matches()) {
      return true;
    }
    // A single capital is an initial in a list of names: "(B. Demple", ", A. Zanetti", not the
    // end of "... in cyclin B."
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      int before = stop - 3; // the character before the letter
      while (before >= 0 && Character.isWhitespace(line.charAt(before))) {
        before--;
      }
      return before < 0 || line.charAt(before) == '(' || line.charAt(before) == ','
          || line.charAt(before) == '.';
    }
    return false;
  }

  /**
   * The word that ends just before the stop at {@code stop}, without leading brackets or quotes
   * and without the stop itself (it may hold inner stops, as in "e.g").
   */
  private static String lastWord(String line, int stop) {
    int start = stop;
    while (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) {
      start--;
    }
    while (start < stop && "([{\"'\u2018\u201C".indexOf(line.charAt(start)) >= 0) {
      start++;
    }
    return line.substring(start, stop);
  }
}
