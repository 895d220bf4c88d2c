package io.groundwork.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the evaluation files (JSON lines, TSV): UTF-8, line by line, blank lines skipped. */
final class TextLines {
  private TextLines() {}

  /** Takes one non-blank line and its number (from 1, blank lines counted). */
  @FunctionalInterface
  interface Handler {
    void accept(String line, int number) throws IOException;
  }

  /**
   * Calls {@code handler} with every non-blank line of {@code file}, in order.
   *
   * @param what how an I/O error names the file: "cannot read " + {@code what}
   * @throws UncheckedIOException when the file cannot be read or the handler throws one
   */
  static void forEach(Path file, String what, Handler handler) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String row;
      int line = 0;
      while ((row = reader.readLine()) != null) {
        line++;
        if (!row.isBlank()) {
          handler.accept(row, line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what, e);
    }
  }
}
