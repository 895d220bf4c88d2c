package io.groundwork.ingest;

import io.groundwork.store.IngestionFailureEntity;
import io.groundwork.store.IngestionRunEntity;
import io.groundwork.store.IngestionRunEntity.Status;
import io.groundwork.store.IngestionRunRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records ingestion runs in the database ({@link IngestionRunRepository}): each step in a
 * transaction of its own, committed when it returns, so that a run's progress and failures are
 * visible while it runs. Thread-safe.
 */
@ApplicationScoped
public class IngestionRunLog {
  private static final Logger LOG = Logger.getLogger(IngestionRunLog.class);

  private final IngestionRunRepository runs;

  public IngestionRunLog(IngestionRunRepository runs) {
    this.runs = runs;
  }

  /** Records a new running run over {@code sourceName}, started by {@code user}; its id. */
  String start(String sourceName, String user) {
    String runId = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew().run(() -> {
      IngestionRunEntity run = new IngestionRunEntity();
      run.id = runId;
      run.sourceName = sourceName;
      run.startedBy = user;
      run.status = Status.RUNNING.name();
      run.startedAt = OffsetDateTime.now();
      runs.add(run);
    });
    return runId;
  }

  /** Records how many files the run has. */
  void filesTotal(String runId, int files) {
    QuarkusTransaction.requiringNew().run(() -> runs.get(runId).filesTotal = files);
  }

  /** Records that one more file is done, the run's totals so far, and the file's failure. */
  void fileDone(String runId, String path, FileResult result, RunCounters counters) {
    QuarkusTransaction.requiringNew().run(() -> {
      IngestionRunEntity run = runs.get(runId);
      run.filesDone++;
      run.ingested = counters.ingested;
      run.unchanged = counters.unchanged;
      run.failed = counters.failures.size();
      run.chunksAdded = counters.chunks;
      if (result.kind() == FileOutcome.FAILED) {
        IngestionFailureEntity failure = new IngestionFailureEntity();
        failure.runId = runId;
        failure.path = ColumnText.truncate(path, 2000);
        failure.reason = ColumnText.truncate(result.detail(), 4000);
        failure.failedAt = OffsetDateTime.now();
        runs.addFailure(failure);
      }
    });
  }

  /** Records that the run completed, having removed {@code removed} documents. */
  void completed(String runId, int removed) {
    QuarkusTransaction.requiringNew().run(() -> {
      IngestionRunEntity run = runs.get(runId);
      run.removed = removed;
      run.status = Status.COMPLETED.name();
      run.finishedAt = OffsetDateTime.now();
    });
  }

  /** Records that the run failed with {@code message}; logs, never throws, when it cannot. */
  void failed(String runId, String message) {
    try {
      QuarkusTransaction.requiringNew().run(() -> {
        IngestionRunEntity run = runs.get(runId);
        run.status = Status.FAILED.name();
        run.message = ColumnText.truncate(String.valueOf(message), 4000);
        run.finishedAt = OffsetDateTime.now();
      });
    } catch (RuntimeException e) {
      LOG.errorf(e, "cannot mark ingestion run %s as failed", runId);
    }
  }
}
