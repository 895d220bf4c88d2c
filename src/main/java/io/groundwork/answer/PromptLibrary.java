package io.groundwork.answer;

import io.groundwork.core.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The prompt templates of a {@code prompts/} folder, loaded once, with a version id that changes
 * whenever any template does. Immutable.
 */
public final class PromptLibrary {
  private final Map<String, String> templates;
  private final String version;

  private PromptLibrary(Map<String, String> templates) {
    this.templates = Map.copyOf(templates);
    StringBuilder all = new StringBuilder();
    new TreeMap<>(templates).forEach((name, text) ->
        all.append(name).append('\u0000').append(text).append('\u0000'));
    this.version = Hashes.sha256(all.toString()).substring(0, 12);
  }

  /** Loads every {@code *.txt} file of {@code folder}. */
  public static PromptLibrary load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("prompts folder " + folder.toAbsolutePath()
          + " does not exist (set groundwork.answer.prompts-dir)");
    }
    Map<String, String> templates = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
        String name = file.getFileName().toString();
        templates.put(name.substring(0, name.length() - 4),
            Files.readString(file, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read prompts folder " + folder, e);
    }
    PromptLibrary library = new PromptLibrary(templates);
    library.template("refusal");
    return library;
  }

  /** The template called {@code name} (file name without {@code .txt}). */
  public String template(String name) {
    String template = templates.get(name);
    if (template == null) {
      throw new IllegalArgumentException("prompt template '" + name + ".txt' is missing");
    }
    return template;
  }

  /**
   * This library with some templates taken from others of its templates: for each entry, the
   * template named by the key becomes the one named by the value (e.g. {@code "system"} ->
   * {@code "draft-system"}, to reuse an answerer with other prompts). The version is that of the
   * result's templates.
   *
   * @throws IllegalArgumentException when a named template is missing
   */
  public PromptLibrary withTemplates(Map<String, String> replacements) {
    Map<String, String> changed = new TreeMap<>(templates);
    replacements.forEach((name, from) -> changed.put(name, template(from)));
    return new PromptLibrary(changed);
  }

  public String version() {
    return version;
  }
}
