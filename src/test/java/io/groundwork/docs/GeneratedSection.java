package io.groundwork.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The part of a Markdown file that a docs test renders from the sources: everything between a
 * start marker ({@code <!-- generated: ... -->}, one line) and {@link #END}. The test compares
 * it with what it renders; with {@code -Dgroundwork.docs.write=true} it rewrites it instead.
 */
final class GeneratedSection {
  /** The line that ends a generated section. */
  static final String END = "<!-- end generated -->";

  /** The system property that makes the docs tests rewrite their sections. */
  static final String WRITE_PROPERTY = "groundwork.docs.write";

  private final Path file;
  private final String startMarker;

  /**
   * @param file the Markdown file
   * @param startMarker the full start line, e.g. {@code <!-- generated: do not edit ... -->}
   */
  GeneratedSection(Path file, String startMarker) {
    this.file = file;
    this.startMarker = startMarker;
  }

  /** True when the docs tests should rewrite their sections instead of comparing them. */
  static boolean writeRequested() {
    return Boolean.getBoolean(WRITE_PROPERTY);
  }

  /** The current content between the markers (without them). */
  String current() {
    String text = read();
    int start = text.indexOf(startMarker);
    int end = text.indexOf(END, Math.max(start, 0));
    if (start < 0 || end < 0) {
      throw new IllegalStateException(file + " has no section between '" + startMarker + "' and '"
          + END + "'; add both lines where the generated content belongs");
    }
    return text.substring(start + startMarker.length(), end).strip();
  }

  /** Everything in the file outside the generated section. */
  String outside() {
    String text = read();
    int start = text.indexOf(startMarker);
    int end = text.indexOf(END, Math.max(start, 0));
    return start < 0 || end < 0 ? text : text.substring(0, start) + text.substring(end);
  }

  /** Replaces the content between the markers. */
  void write(String content) {
    String text = read();
    int start = text.indexOf(startMarker);
    int end = text.indexOf(END, Math.max(start, 0));
    if (start < 0 || end < 0) {
      throw new IllegalStateException(file + " has no section between '" + startMarker + "' and '"
          + END + "'");
    }
    String updated = text.substring(0, start + startMarker.length()) + "\n\n" + content.strip()
        + "\n\n" + text.substring(end);
    try {
      Files.writeString(file, updated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compares the section with {@code rendered}, or rewrites it when asked to.
   *
   * @param testName the test class to name in the message that says how to regenerate
   * @return null when it matches (or was rewritten), otherwise the message to fail with
   */
  String check(String rendered, String testName) {
    if (writeRequested()) {
      write(rendered);
      return null;
    }
    if (current().equals(rendered.strip())) {
      return null;
    }
    return file + " is out of date with the sources it is generated from. Regenerate it with\n"
        + "  ./mvnw -B -ntp test -Dtest=" + testName + " -D" + WRITE_PROPERTY + "=true\n"
        + "and commit the result. First difference:\n"
        + firstDifference(current(), rendered.strip());
  }

  private static String firstDifference(String actual, String expected) {
    String[] a = actual.split("\n", -1);
    String[] e = expected.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, e.length); i++) {
      String left = i < a.length ? a[i] : "(nothing)";
      String right = i < e.length ? e[i] : "(nothing)";
      if (!left.equals(right)) {
        return "  in the file: " + left + "\n  rendered:    " + right;
      }
    }
    return "  (none found)";
  }

  private String read() {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
