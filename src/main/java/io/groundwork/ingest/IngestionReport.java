package io.groundwork.ingest;

import java.util.List;

/**
 * The outcome of a finished ingestion run.
 *
 * @param runId the run's id
 * @param ingested files ingested (new or changed)
 * @param unchanged files skipped because nothing changed
 * @param failed files that could not be ingested, with reasons
 * @param removed documents removed because their file is gone
 * @param chunks chunks written
 * @param millis wall-clock duration
 */
public record IngestionReport(
    String runId, int ingested, int unchanged, List<Failure> failed, int removed, int chunks,
    long millis) {

  public IngestionReport {
    failed = List.copyOf(failed);
  }

  /** A file that failed, and why. */
  public record Failure(String path, String reason) {}
}
