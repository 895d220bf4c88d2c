package io.groundwork.ingest;

/** Receives an ingestion run's progress, e.g. to draw a progress bar. Called on the run's thread. */
public interface IngestionListener {
  /** The run has listed its files. */
  default void started(int files) {}

  /** One file is done. */
  default void fileDone(String path, FileOutcome outcome, String detail) {}

  /** A listener that ignores everything. */
  IngestionListener NONE = new IngestionListener() {};
}
