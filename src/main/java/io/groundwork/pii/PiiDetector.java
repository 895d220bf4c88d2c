package io.groundwork.pii;

import java.util.List;

/** Finds one kind of personal data in text. Implementations are immutable and thread-safe. */
public interface PiiDetector {
  /** The kind's name, also the redaction label ({@code email} gives {@code [EMAIL]}). */
  String kind();

  /** The spans of {@code text} that hold this kind, in order, not overlapping. */
  List<Span> find(String text);

  /** A found span: {@code [start, end)} of the text. */
  record Span(int start, int end, String kind) {}
}
