package io.groundwork.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ingestion metrics, published at {@code /q/metrics} in Prometheus format:
 *
 * <ul>
 *   <li>{@code groundwork_ingest_files_total{outcome=ingested|unchanged|failed|removed}}: files
 *       by what a run did with them;
 *   <li>{@code groundwork_ingest_chunks_total}: chunks written;
 *   <li>{@code groundwork_ingest_failures_total{reason=...}}: failed files by
 *       {@link FailureReason};
 *   <li>{@code groundwork_ingest_runs_total{status=completed|failed}} and
 *       {@code groundwork_ingest_run_duration_seconds}: finished runs and how long they took.
 * </ul>
 *
 * Every series exists from start-up with the value 0, so that rates and alerts work before the
 * first run. Thread-safe.
 */
@ApplicationScoped
public class IngestionMetrics {
  private final Map<FileOutcome, Counter> files = new EnumMap<>(FileOutcome.class);
  private final Map<FailureReason, Counter> failures = new EnumMap<>(FailureReason.class);
  private final Counter chunks;
  private final Counter runsCompleted;
  private final Counter runsFailed;
  private final Timer runDuration;

  public IngestionMetrics(MeterRegistry registry) {
    for (FileOutcome outcome : FileOutcome.values()) {
      files.put(outcome, Counter.builder("groundwork.ingest.files")
          .description("Files handled by ingestion runs, by outcome")
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
    }
    for (FailureReason reason : FailureReason.values()) {
      failures.put(reason, Counter.builder("groundwork.ingest.failures")
          .description("Files that could not be ingested, by reason")
          .tag("reason", reason.label()).register(registry));
    }
    chunks = Counter.builder("groundwork.ingest.chunks")
        .description("Chunks written by ingestion runs").register(registry);
    runsCompleted = runs(registry, "completed");
    runsFailed = runs(registry, "failed");
    runDuration = Timer.builder("groundwork.ingest.run.duration")
        .description("Wall-clock time of finished ingestion runs").register(registry);
  }

  private static Counter runs(MeterRegistry registry, String status) {
    return Counter.builder("groundwork.ingest.runs").description("Finished ingestion runs")
        .tag("status", status).register(registry);
  }

  /** One file is done; {@code reason} is non-null exactly when it failed. */
  public void fileDone(FileOutcome outcome, int chunksWritten, FailureReason reason) {
    files.get(outcome).increment();
    if (chunksWritten > 0) {
      chunks.increment(chunksWritten);
    }
    if (outcome == FileOutcome.FAILED) {
      failures.get(reason == null ? FailureReason.INTERNAL : reason).increment();
    }
  }

  /** A run has ended, normally or by an error that stopped it. */
  public void runFinished(boolean completed, Duration duration) {
    (completed ? runsCompleted : runsFailed).increment();
    runDuration.record(duration);
  }
}
