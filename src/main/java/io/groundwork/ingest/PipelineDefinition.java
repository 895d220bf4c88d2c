package io.groundwork.ingest;

import io.groundwork.ingest.PipelineConfig.SourceConfig;
import java.nio.file.Path;
import java.util.List;

/** A loaded pipeline configuration together with the file it came from. */
public record PipelineDefinition(Path file, PipelineConfig config) {
  /** The files of the named source. */
  public SourceFiles sourceFiles(String name) {
    SourceConfig source = config.source(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown source '" + name + "'; configured sources: " + sourceNames()));
    return new SourceFiles(source, file.getParent().resolve(source.path()));
  }

  public List<String> sourceNames() {
    return config.sources().stream().map(SourceConfig::name).toList();
  }
}
