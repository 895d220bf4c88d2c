package io.groundwork.ingest;

/**
 * Whether content is text, whatever its file name says: 2 MB of random bytes named
 * {@code blob.md} is not a Markdown document. Bytes are judged by their share of control bytes
 * (C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape,
 * and DEL): text in any ASCII-compatible encoding has next to none, random or binary data about
 * one in nine. Content that starts with a UTF-16 or UTF-32 byte order mark is left to the decoder.
 * Extracted text is judged the same way, counting control characters and U+FFFD (what a decoder
 * puts for bytes that are not text), with a looser {@link #MAX_BAD_CHARACTER_SHARE}. Stateless and thread-safe.
 */
final class TextLikeness {
  /** Bytes looked at from the start of a file. */
  static final int SAMPLE_BYTES = 64 * 1024;
  /** The largest share of control bytes that the bytes of a text file may have. */
  static final double MAX_CONTROL_SHARE = 0.01;
  /**
   * The largest share of control characters (C0 and C1) and U+FFFD that extracted text may have.
   * Higher than for bytes: a short Latin-1 file that the decoder took for UTF-8 has a U+FFFD per
   * accented letter, while random bytes decode to at least one in eight.
   */
  static final double MAX_BAD_CHARACTER_SHARE = 0.05;

  private TextLikeness() {}

  /** Whether the first {@code length} bytes of {@code bytes} look like text. */
  static boolean bytesLookLikeText(byte[] bytes, int length) {
    if (length == 0 || hasWideByteOrderMark(bytes, length)) {
      return true;
    }
    int control = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0x7f || (b < 0x20 && b != '\t' && b != '\n' && b != 0x0b && b != '\f'
          && b != '\r' && b != 0x1b)) {
        control++;
      }
    }
    return control <= MAX_CONTROL_SHARE * length;
  }

  /** Whether extracted {@code text} is text rather than decoded garbage. */
  static boolean textLooksLikeText(CharSequence text) {
    int length = text.length();
    if (length == 0) {
      return true;
    }
    int bad = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD' || (c >= 0x7f && c <= 0x9f) || (c < 0x20 && c != '\t' && c != '\n'
          && c != 0x0b && c != '\f' && c != '\r' && c != 0x1b)) {
        bad++;
      }
    }
    return bad <= MAX_BAD_CHARACTER_SHARE * length;
  }

  private static boolean hasWideByteOrderMark(byte[] b, int length) {
    if (length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF)
        || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE))) {
      return true; // UTF-16 (and UTF-32 little-endian, which starts the same)
    }
    return length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF;
  }
}
