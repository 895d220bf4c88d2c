package io.groundwork.ingest;

import io.groundwork.index.ChunkWriter;
import io.groundwork.store.DocumentEntity;
import io.groundwork.store.IngestionRunEntity;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs ingestion: lists a source's files, and for each new or changed file parses, chunks,
 * embeds and indexes it ({@link DocumentIngester}), storing documents and chunks in the database.
 * Unchanged files are skipped; files gone from a source are removed from the index and the
 * database; a file that fails is recorded with its reason and the run goes on, keeping what was
 * indexed before. Every step is recorded ({@link IngestionRunLog}), counted
 * ({@link IngestionMetrics}) and reported to the run's {@link IngestionListener}.
 *
 * <p>One run at a time per process (runs queue); a run is one batch of the {@link ChunkWriter}
 * of the store mode, committed at its end. A run's progress is visible in its
 * {@link IngestionRunEntity} while it runs. Thread-safe.
 *
 * <p>When the application stops, a run in progress ends after the file it is on: what it indexed
 * is committed, the run is recorded as stopped, and the next run over the source picks up the
 * files it did not reach (they are new or changed to it). The stop waits for that before the
 * database closes.
 */
@ApplicationScoped
public class IngestionService {
  /** Source name of files uploaded through the API. */
  public static final String UPLOADS = "uploads";

  private static final Logger LOG = Logger.getLogger(IngestionService.class);
  /** How long a stopping application waits for the file in progress. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final DocumentIngester ingester;
  private final DocumentStore documents;
  private final ChunkWriter index;
  private final IngestionRunLog runs;
  private final IngestionMetrics metrics;
  private final PipelineDefinition pipeline;
  private final IngestConfig config;
  private final FileTasks files;
  private final ReentrantLock runLock = new ReentrantLock();
  private volatile boolean stopping;
  private volatile IngestionProgress progress;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "groundwork-ingest");
    thread.setDaemon(true);
    return thread;
  });

  public IngestionService(DocumentIngester ingester, DocumentStore documents, ChunkWriter index,
      IngestionRunLog runs, IngestionMetrics metrics, PipelineDefinition pipeline,
      IngestConfig config) {
    this.ingester = ingester;
    this.documents = documents;
    this.index = index;
    this.runs = runs;
    this.metrics = metrics;
    this.pipeline = pipeline;
    this.config = config;
    this.files = new FileTasks(config.maxFileBytes());
  }

  /**
   * Lets a background run end after its current file, before the container closes the database
   * under it. Only for an ingestion service that exists: a command that never ingested does not
   * create one on its way out.
   */
  void stopRuns(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
    stopping = true;
    runner.shutdown();
    try {
      if (!runner.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warnf("ingestion still busy %s after the stop began; interrupting it", STOP_WAIT);
        runner.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      runner.shutdownNow();
    }
  }

  @PreDestroy
  void shutdown() {
    runner.shutdownNow();
  }

  /**
   * The run in progress, or empty when none runs. Readiness of the knowledge base means no run
   * in progress: during a source's first ingestion (or a re-ingestion) answers can miss
   * documents, and say so with this.
   */
  public Optional<IngestionProgress> progress() {
    return Optional.ofNullable(progress);
  }

  /**
   * How many documents of source {@code sourceName} were ingested by another version of the
   * parser, with other chunking settings or with another embedding model; a run over the source
   * ingests them again.
   */
  public long outdatedDocuments(String sourceName) {
    return documents.outdated(sourceName, ingester.ingestVersion(), ingester.embeddingModel());
  }

  public PipelineDefinition pipeline() {
    return pipeline;
  }

  /** Starts a run over a configured source in the background and returns its id. */
  public String startSourceRun(String sourceName, String user) {
    SourceFiles source = pipeline.sourceFiles(sourceName);
    String runId = runs.start(sourceName, user);
    runner.submit(() -> {
      try {
        runSourceAs(source, runId, IngestionListener.NONE);
      } catch (RuntimeException e) {
        LOG.errorf(e, "ingestion run %s failed", runId);
        runs.failed(runId, e.getMessage());
      }
    });
    return runId;
  }

  /** Runs over a configured source now, on the calling thread. */
  public IngestionReport runSource(String sourceName, String user, IngestionListener listener) {
    return runSource(pipeline.sourceFiles(sourceName), user, listener);
  }

  /**
   * Runs over the files of {@code source} now, on the calling thread; files of the source that
   * are gone from its folder are removed.
   */
  public IngestionReport runSource(SourceFiles source, String user, IngestionListener listener) {
    return runSourceAs(source, runs.start(source.source().name(), user), listener);
  }

  private IngestionReport runSourceAs(SourceFiles source, String runId,
      IngestionListener listener) {
    List<String> paths = source.list();
    return execute(runId, source.source().name(), files.ofSource(source, paths),
        Set.copyOf(paths), listener);
  }

  /**
   * Ingests files or folders given on a command line. A path inside a configured source is
   * ingested as part of that source, with its access rules (a source's whole folder also removes
   * files gone from it); any other path goes to source {@code local} readable by
   * {@code defaultGroups}.
   */
  public List<IngestionReport> runPaths(List<Path> paths, Set<String> defaultGroups, String user,
      IngestionListener listener) {
    List<IngestionReport> reports = new ArrayList<>();
    for (Path argument : paths) {
      Path path = argument.toAbsolutePath().normalize();
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("no such file or folder: " + argument);
      }
      SourceFiles owner = owningSource(path);
      if (owner != null && path.equals(owner.root())) {
        reports.add(runSource(owner, user, listener));
        continue;
      }
      String sourceName = owner == null ? FileTasks.LOCAL : owner.source().name();
      List<FileTask> tasks = files.ofPath(path, owner, defaultGroups);
      reports.add(execute(runs.start(sourceName, user), sourceName, tasks, null, listener));
    }
    return reports;
  }

  /** The first configured source whose folder holds {@code path}, or null. */
  private SourceFiles owningSource(Path path) {
    for (String name : pipeline.sourceNames()) {
      SourceFiles source = pipeline.sourceFiles(name);
      if (path.startsWith(source.root())) {
        return source;
      }
    }
    return null;
  }

  /** Ingests one uploaded file into source {@value #UPLOADS}, replacing one of the same name. */
  public IngestionReport ingestUpload(String fileName, byte[] content, Set<String> groups,
      String user) {
    if (content.length > config.maxUploadBytes()) {
      throw new IllegalArgumentException("upload of " + content.length + " bytes exceeds the limit of "
          + config.maxUploadBytes() + " bytes");
    }
    String name = Path.of(fileName).getFileName().toString();
    if (name.isBlank() || name.startsWith(".")) {
      throw new IllegalArgumentException("upload needs a file name, got '" + fileName + "'");
    }
    FileTask task = new FileTask(UPLOADS, name, groups, () -> content);
    return execute(runs.start(UPLOADS, user), UPLOADS, List.of(task), null, IngestionListener.NONE);
  }

  /**
   * Runs {@code tasks}; with {@code completeListing} (every path the source has now), also
   * removes the source's documents whose file is gone.
   */
  private IngestionReport execute(String runId, String sourceName, List<FileTask> tasks,
      Set<String> completeListing, IngestionListener listener) {
    long started = System.nanoTime();
    runLock.lock();
    try {
      index.begin(config.commitEvery());
      runs.filesTotal(runId, tasks.size());
      listener.started(tasks.size());
      RunCounters counters = new RunCounters();
      int done = 0;
      progress = IngestionProgress.of(sourceName, 0, tasks.size());
      for (FileTask task : tasks) {
        if (stopping) {
          return stopped(runId, sourceName, counters, done, tasks.size(), started);
        }
        done++;
        FileResult result = ingester.ingest(task);
        counters.add(task.path(), result);
        metrics.fileDone(result.kind(), result.chunks(), result.reason());
        runs.fileDone(runId, task.path(), result, counters);
        progress = IngestionProgress.of(sourceName, done, tasks.size());
        listener.fileDone(task.path(), result.kind(), result.detail());
        if (result.kind() == FileOutcome.INGESTED) {
          index.documentCommitted();
        }
      }
      if (completeListing != null) {
        for (DocumentEntity gone : documents.missingFrom(sourceName, completeListing)) {
          documents.remove(gone.id);
          counters.add(gone.path, FileResult.removed());
          metrics.fileDone(FileOutcome.REMOVED, 0, null);
          listener.fileDone(gone.path, FileOutcome.REMOVED, "");
        }
      }
      index.commit();
      long millis = (System.nanoTime() - started) / 1_000_000;
      runs.completed(runId, counters.removed);
      metrics.runFinished(true, Duration.ofNanos(System.nanoTime() - started));
      LOG.infof("ingestion run %s over %s: %d ingested, %d unchanged, %d failed, %d removed in %d ms",
          runId, sourceName, counters.ingested, counters.unchanged, counters.failures.size(),
          counters.removed, millis);
      return counters.report(runId, millis);
    } catch (RuntimeException e) {
      metrics.runFinished(false, Duration.ofNanos(System.nanoTime() - started));
      runs.failed(runId, e.getMessage());
      throw e;
    } finally {
      progress = null;
      runLock.unlock();
    }
  }

  /** Commits what a run indexed before the application stopped, and records it as stopped. */
  private IngestionReport stopped(String runId, String sourceName, RunCounters counters, int done,
      int total, long started) {
    index.commit();
    long millis = (System.nanoTime() - started) / 1_000_000;
    String message = "stopped with the application after " + done + " of " + total
        + " files; the next run over " + sourceName + " takes up the rest";
    runs.failed(runId, message);
    metrics.runFinished(false, Duration.ofNanos(System.nanoTime() - started));
    LOG.infof("ingestion run %s %s", runId, message);
    return counters.report(runId, millis);
  }
}
