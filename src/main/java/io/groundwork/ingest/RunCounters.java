package io.groundwork.ingest;

import java.util.ArrayList;
import java.util.List;

/** The running totals of one ingestion run. Used on the run's thread only. */
final class RunCounters {
  int ingested;
  int unchanged;
  int removed;
  int chunks;
  final List<IngestionReport.Failure> failures = new ArrayList<>();

  void add(String path, FileResult result) {
    switch (result.kind()) {
      case INGESTED -> {
        ingested++;
        chunks += result.chunks();
      }
      case UNCHANGED -> unchanged++;
      case FAILED -> failures.add(new IngestionReport.Failure(path, result.detail()));
      case REMOVED -> removed++;
    }
  }

  IngestionReport report(String runId, long millis) {
    return new IngestionReport(runId, ingested, unchanged, failures, removed, chunks, millis);
  }
}
