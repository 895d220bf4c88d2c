package io.groundwork.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Ingestion settings ({@code groundwork.ingest.*}). */
@ConfigMapping(prefix = "groundwork.ingest")
public interface IngestConfig {
  /** The pipeline file: sources, access rules, chunking. */
  @WithDefault("ingestion/pipeline.yaml")
  String pipelineFile();

  /**
   * On {@code serve}, ingest every configured source in the background when the index is empty,
   * and every source holding documents ingested by an older parser or with other chunking
   * settings (only those documents and changed files are ingested again).
   */
  @WithDefault("true")
  boolean autoIngestSamples();

  /** Largest file a run reads; larger files are recorded as failed. */
  @WithDefault("52428800")
  long maxFileBytes();

  /** Largest upload accepted by the API. */
  @WithDefault("26214400")
  long maxUploadBytes();

  /**
   * The longest one file may be parsed; a file that takes longer (a hostile or pathological
   * document) is recorded as failed and the run goes on.
   */
  @WithDefault("30s")
  Duration parseTimeLimit();

  /** Documents between two index commits during a run. */
  @WithDefault("200")
  int commitEvery();
}
