package io.groundwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the files commands leave behind (JSON reports, fitted weights), creating missing parent
 * folders; a failure is an {@link IllegalStateException} naming the file, which the commands
 * report as bad input.
 */
final class ReportFiles {
  private ReportFiles() {}

  /** Writes {@code root} to {@code file} as indented JSON. */
  static void writeJson(ObjectMapper mapper, Path file, JsonNode root) {
    try {
      createParent(file);
      mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code text} to {@code file}. */
  static void writeString(Path file, String text) {
    try {
      createParent(file);
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
