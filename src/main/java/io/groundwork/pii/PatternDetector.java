package io.groundwork.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector from a regular expression and an optional check of each match (a checksum), so
 * that digit runs that merely look like a card or an IBAN are left alone. Immutable and
 * thread-safe.
 */
public final class PatternDetector implements PiiDetector {
  private final String kind;
  private final Pattern pattern;
  private final Predicate<String> check;

  /**
   * @throws IllegalArgumentException when {@code kind} is not a lower-case name
   */
  public PatternDetector(String kind, Pattern pattern, Predicate<String> check) {
    if (kind == null || !kind.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("a detector's kind must be a lower-case name such as"
          + " employee-id, got " + kind);
    }
    this.kind = kind;
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.check = Objects.requireNonNull(check, "check");
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public List<Span> find(String text) {
    List<Span> spans = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      if (matcher.end() > matcher.start() && check.test(matcher.group())) {
        spans.add(new Span(matcher.start(), matcher.end(), kind));
      }
    }
    return spans;
  }
}
