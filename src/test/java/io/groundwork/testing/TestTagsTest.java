package io.groundwork.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code ./mvnw test -Pfast} a unit suite: every test class that starts the application
 * ({@code @QuarkusTest}, {@code @QuarkusMainTest}) is tagged {@code app} or {@code slow}, the tags
 * the profile leaves out.
 */
class TestTagsTest {
  private static final Pattern STARTS_THE_APP =
      Pattern.compile("(?m)^@(QuarkusTest|QuarkusMainTest)\\b");
  private static final Pattern TAGGED = Pattern.compile("(?m)^@Tag\\(\"(app|slow)\"\\)");

  @Test
  void everyApplicationTestIsTaggedAppOrSlow() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    List<String> untagged = sources.stream().filter(f -> {
      String text = read(f);
      return STARTS_THE_APP.matcher(text).find() && !TAGGED.matcher(text).find();
    }).map(Path::toString).toList();
    assertThat(sources).hasSizeGreaterThan(10);
    assertThat(untagged).as("application tests without @Tag(\"app\") or @Tag(\"slow\")").isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
