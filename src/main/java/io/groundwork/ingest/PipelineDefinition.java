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

  /**
   * Whether a reply to a customer may cite the file {@code path} of source {@code sourceName}
   * (see {@link SourceConfig#customerSafe()}); false for a source the file does not configure,
   * such as uploads.
   */
  public boolean isCustomerSafe(String sourceName, String path) {
    return config.source(sourceName)
        .map(source -> new SourceFiles(source, file.getParent().resolve(source.path()))
            .isCustomerSafe(path))
        .orElse(false);
  }

  public List<String> sourceNames() {
    return config.sources().stream().map(SourceConfig::name).toList();
  }
}
