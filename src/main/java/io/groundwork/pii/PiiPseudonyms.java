package io.groundwork.pii;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered pseudonyms for the personal data of one exchange with a language model: each value
 * its detectors find becomes a placeholder of its kind and number ({@code [EMAIL-1]},
 * {@code [PHONE-2]}), the same value always the same placeholder, so the model can still tell
 * two addresses apart and refer to one consistently; {@link #restore} puts the values back into
 * the model's reply, and {@link #restoring} does so for a reply that arrives in pieces.
 * A placeholder that already appears in a text masked earlier is never handed out, so a literal
 * {@code [EMAIL-1]} in a source is not "restored". Placeholders the model invents are left as
 * they are. One instance per exchange; thread-safe (its methods are synchronized).
 */
public final class PiiPseudonyms {
  /** The shape of a placeholder: the kind in upper case, a dash, a number. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Z][A-Z0-9-]*?)-(\\d{1,6})\\]");
  /** Longest text that can still grow into a placeholder, held back while streaming. */
  private static final int LONGEST_PLACEHOLDER = 64;

  private final PiiRedactor redactor;
  private final Map<String, String> placeholderOfValue = new HashMap<>();
  private final Map<String, String> valueOfPlaceholder = new HashMap<>();
  private final Map<String, Integer> numbers = new HashMap<>();
  private final Map<String, Integer> masked = new TreeMap<>();
  private final StringBuilder seen = new StringBuilder();

  /** Pseudonyms for what {@code redactor}'s detectors find (none: texts pass unchanged). */
  public PiiPseudonyms(PiiRedactor redactor) {
    this.redactor = redactor == null ? PiiRedactor.none() : redactor;
  }

  /** {@code text} with each value found replaced by its placeholder; null stays null. */
  public synchronized String mask(String text) {
    if (text == null || !redactor.enabled()) {
      return text;
    }
    seen.append(text).append('\n');
    List<PiiDetector.Span> spans = redactor.find(text);
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (PiiDetector.Span span : spans) {
      String value = text.substring(span.start(), span.end());
      String placeholder = placeholderOfValue.computeIfAbsent(value, v -> next(span.kind()));
      valueOfPlaceholder.put(placeholder, value);
      masked.merge(span.kind(), 1, Integer::sum);
      out.append(text, at, span.start()).append(placeholder);
      at = span.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /** {@code text} with every placeholder this instance handed out replaced by its value. */
  public synchronized String restore(String text) {
    if (text == null || valueOfPlaceholder.isEmpty()) {
      return text;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      String value = valueOfPlaceholder.get(matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(
          value == null ? matcher.group() : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Values masked so far, by kind (each occurrence counts), sorted by kind. */
  public synchronized Map<String, Integer> masked() {
    return Map.copyOf(masked);
  }

  /**
   * A sink for a reply that arrives in pieces: passes on restored text to {@code out}, holding
   * back a tail that may be the start of a placeholder split across pieces until the next piece
   * or {@link Restoring#finish()} decides it. Not thread-safe: one stream, one caller at a time.
   */
  public Restoring restoring(Consumer<String> out) {
    return new Restoring(out);
  }

  /** See {@link #restoring}. */
  public final class Restoring {
    private final Consumer<String> out;
    private final StringBuilder pending = new StringBuilder();

    private Restoring(Consumer<String> out) {
      this.out = out;
    }

    /** Takes the next piece of the reply. */
    public void accept(String piece) {
      if (piece == null || piece.isEmpty()) {
        return;
      }
      pending.append(piece);
      int hold = heldFrom(pending);
      String ready = restore(pending.substring(0, hold));
      pending.delete(0, hold);
      if (!ready.isEmpty()) {
        out.accept(ready);
      }
    }

    /** Passes on what was held back: the reply ended. */
    public void finish() {
      if (pending.length() > 0) {
        String rest = restore(pending.toString());
        pending.setLength(0);
        out.accept(rest);
      }
    }
  }

  /** Where the tail that could still become a placeholder starts ({@code text.length()}: none). */
  static int heldFrom(CharSequence text) {
    int open = -1;
    for (int i = text.length() - 1; i >= 0 && text.length() - i <= LONGEST_PLACEHOLDER; i--) {
      char c = text.charAt(i);
      if (c == '[') {
        open = i;
        break;
      }
      if (c == ']' || !(Character.isUpperCase(c) || Character.isDigit(c) || c == '-')) {
        return text.length();
      }
    }
    if (open < 0) {
      return text.length();
    }
    // "[" then upper-case letters, digits and dashes only: it may still close as a placeholder.
    CharSequence tail = text.subSequence(open + 1, text.length());
    return tail.isEmpty() || Character.isUpperCase(tail.charAt(0)) ? open : text.length();
  }

  private String next(String kind) {
    String label = kind.toUpperCase(Locale.ROOT);
    while (true) {
      int number = numbers.merge(label, 1, Integer::sum);
      String placeholder = "[" + label + "-" + number + "]";
      if (seen.indexOf(placeholder) < 0) {
        return placeholder;
      }
    }
  }
}
