package io.groundwork.text;

import java.util.List;

/**
 * A half-open character range {@code [start, end)} of some text, with the covered text.
 *
 * @param start first character offset, inclusive
 * @param end last character offset, exclusive
 * @param text the covered characters
 */
public record TextSpan(int start, int end, String text) {
  /**
   * Adds to {@code out} the span of {@code text} between {@code start} and {@code end} without
   * its leading and trailing white space; adds nothing when only white space is left.
   */
  public static void addTrimmed(String text, int start, int end, List<TextSpan> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new TextSpan(start, end, text.substring(start, end)));
    }
  }

  public TextSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
    }
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
  }

  /** Returns this span moved right by {@code delta} characters. */
  public TextSpan shift(int delta) {
    return new TextSpan(start + delta, end + delta, text);
  }
}
