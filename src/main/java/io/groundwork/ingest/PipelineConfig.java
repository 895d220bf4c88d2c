package io.groundwork.ingest;

import io.groundwork.core.AccessGroups;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ingestion pipeline's configuration, read from a YAML file ({@code ingestion/pipeline.yaml}
 * by default): the sources to ingest with their access rules, and the chunking budget.
 * Validated when loaded; an error names the file and the offending entry.
 */
public record PipelineConfig(List<SourceConfig> sources, ChunkingConfig chunking) {

  public PipelineConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
    chunking = chunking == null ? new ChunkingConfig(256, 32) : chunking;
  }

  /**
   * A source: a folder whose files are ingested.
   *
   * @param name unique name, part of every document's id
   * @param path folder; a relative path is resolved against the pipeline file's folder
   * @param include glob patterns of files to ingest, relative to {@code path}
   * @param exclude glob patterns of files to skip
   * @param defaultGroups who may read a file that no access rule matches
   * @param access rules giving the files that match a pattern their own groups
   * @param customerSafe glob patterns (relative to {@code path}) of the files a reply to a
   *     customer may cite: support macros, product documentation, public policies. Empty: no
   *     file of this source is customer-safe. Read when a reply is drafted, so a change applies
   *     to the next draft without re-ingestion.
   */
  public record SourceConfig(
      String name,
      String path,
      List<String> include,
      List<String> exclude,
      @JsonProperty("default-groups") List<String> defaultGroups,
      List<AccessRule> access,
      @JsonProperty("customer-safe") List<String> customerSafe) {
    public SourceConfig {
      include = include == null || include.isEmpty() ? List.of("**") : List.copyOf(include);
      exclude = exclude == null ? List.of() : List.copyOf(exclude);
      defaultGroups = defaultGroups == null || defaultGroups.isEmpty()
          ? List.of(AccessGroups.EVERYONE) : List.copyOf(defaultGroups);
      access = access == null ? List.of() : List.copyOf(access);
      customerSafe = customerSafe == null ? List.of() : List.copyOf(customerSafe);
    }

    /** A source without customer-safe files. */
    public SourceConfig(String name, String path, List<String> include, List<String> exclude,
        List<String> defaultGroups, List<AccessRule> access) {
      this(name, path, include, exclude, defaultGroups, access, List.of());
    }
  }

  /** Files matching {@code pattern} (a glob relative to the source) are readable by {@code groups}. */
  public record AccessRule(String pattern, List<String> groups) {
    public AccessRule {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }

  /** Chunk budget in tokens of the embedding model's tokenizer. */
  public record ChunkingConfig(
      @JsonProperty("max-tokens") int maxTokens, @JsonProperty("overlap-tokens") int overlapTokens) {}

  /** Finds a source by name. */
  public Optional<SourceConfig> source(String name) {
    return sources.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Reads and validates a pipeline file. */
  public static PipelineConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("pipeline configuration " + file + " does not exist");
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    PipelineConfig config;
    try {
      config = yaml.readValue(file.toFile(), PipelineConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "pipeline configuration " + file + " is invalid: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
    if (config == null) {
      throw new IllegalArgumentException("pipeline configuration " + file + " is empty");
    }
    config.validate(file);
    return config;
  }

  private void validate(Path file) {
    Set<String> names = new HashSet<>();
    for (SourceConfig source : sources) {
      if (source.name() == null || !source.name().matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException(file + ": source name '" + source.name()
            + "' must be letters, digits, '.', '_' or '-'");
      }
      if (!names.add(source.name())) {
        throw new IllegalArgumentException(file + ": source '" + source.name() + "' is defined twice");
      }
      if (source.path() == null || source.path().isBlank()) {
        throw new IllegalArgumentException(file + ": source '" + source.name() + "' has no path");
      }
      for (String pattern : source.customerSafe()) {
        if (pattern == null || pattern.isBlank()) {
          throw new IllegalArgumentException(file + ": source '" + source.name()
              + "' has a blank customer-safe pattern");
        }
      }
      for (AccessRule rule : source.access()) {
        if (rule.pattern() == null || rule.pattern().isBlank() || rule.groups().isEmpty()) {
          throw new IllegalArgumentException(file + ": source '" + source.name()
              + "' has an access rule without a pattern or groups");
        }
      }
    }
    if (chunking.maxTokens() < 16 || chunking.overlapTokens() < 0
        || chunking.overlapTokens() >= chunking.maxTokens() / 2) {
      throw new IllegalArgumentException(file + ": chunking needs max-tokens >= 16 and"
          + " 0 <= overlap-tokens < max-tokens / 2");
    }
  }
}
