package io.groundwork.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces what its detectors find with the kind's label ({@code [EMAIL]}, {@code [CARD]}); where
 * two detectors find overlapping spans, the earlier detector wins. Counts what it replaced, by
 * kind. A redactor without detectors leaves text alone (the disabled state). Immutable and
 * thread-safe; {@link Counts} is not.
 */
public final class PiiRedactor {
  private final List<PiiDetector> detectors;

  public PiiRedactor(List<PiiDetector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  /** A redactor that changes nothing. */
  public static PiiRedactor none() {
    return new PiiRedactor(List.of());
  }

  /** True when it has detectors. */
  public boolean enabled() {
    return !detectors.isEmpty();
  }

  /** Counts of redactions by kind, summed over the texts of one record. */
  public static final class Counts {
    private final Map<String, Integer> byKind = new TreeMap<>();

    /** The counts by kind, sorted by kind. */
    public Map<String, Integer> byKind() {
      return Map.copyOf(byKind);
    }

    public int total() {
      return byKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    void add(String kind) {
      byKind.merge(kind, 1, Integer::sum);
    }
  }

  /** The spans its detectors find in {@code text}, by start, overlaps resolved. */
  public List<PiiDetector.Span> find(String text) {
    List<PiiDetector.Span> kept = new ArrayList<>();
    for (PiiDetector detector : detectors) {
      for (PiiDetector.Span span : detector.find(text)) {
        if (kept.stream().noneMatch(k -> k.start() < span.end() && span.start() < k.end())) {
          kept.add(span);
        }
      }
    }
    kept.sort(Comparator.comparingInt(PiiDetector.Span::start));
    return kept;
  }

  /** {@code text} with every found span replaced by its label; null stays null. */
  public String redact(String text, Counts counts) {
    if (text == null || detectors.isEmpty()) {
      return text;
    }
    List<PiiDetector.Span> spans = find(text);
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (PiiDetector.Span span : spans) {
      out.append(text, at, span.start()).append('[')
          .append(span.kind().toUpperCase(Locale.ROOT)).append(']');
      counts.add(span.kind());
      at = span.end();
    }
    return out.append(text, at, text.length()).toString();
  }
}
