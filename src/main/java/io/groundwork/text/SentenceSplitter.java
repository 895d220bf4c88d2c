package io.groundwork.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into sentences with their exact character offsets. Line breaks that end a block
 * (a blank line, a heading or list item) also end a sentence, because parsed documents put each
 * block on its own line and a heading is never part of the following sentence.
 *
 * <p>Leading and trailing white space is trimmed from each sentence; offsets refer to the trimmed
 * sentence. Instances are immutable and thread-safe.
 */
public final class SentenceSplitter {
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
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      TextSpan.addTrimmed(text, from + start, from + end, out);
    }
  }
}
