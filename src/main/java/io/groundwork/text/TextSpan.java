package io.groundwork.text;

/**
 * A half-open character range {@code [start, end)} of some text, with the covered text.
 *
 * @param start first character offset, inclusive
 * @param end last character offset, exclusive
 * @param text the covered characters
 */
public record TextSpan(int start, int end, String text) {
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
