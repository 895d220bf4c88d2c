package io.groundwork.ingest;

import io.groundwork.core.Hashes;
import io.groundwork.embed.Embedder;
import io.groundwork.index.IndexedChunk;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.postgres.ChangeFeed;
import io.groundwork.postgres.ReplicaSync;
import io.groundwork.store.ChunkEntity;
import io.groundwork.store.DocumentEntity;
import io.groundwork.store.IngestionFailureEntity;
import io.groundwork.store.IngestionRunEntity;
import io.groundwork.store.IngestionRunEntity.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs ingestion: lists a source's files, and for each new or changed file parses, chunks,
 * embeds and indexes it, storing documents and chunks in the database. Unchanged files are
 * skipped; files gone from a source are removed from the index and the database; a file that
 * fails is recorded with its reason and the run goes on, keeping what was indexed before.
 *
 * <p>One run at a time per process (runs queue); a run's progress is visible in its
 * {@link IngestionRunEntity} while it runs. Thread-safe.
 */
@ApplicationScoped
public class IngestionService {
  /** Source name of files uploaded through the API. */
  public static final String UPLOADS = "uploads";

  private static final Logger LOG = Logger.getLogger(IngestionService.class);

  private final EntityManager em;
  private final Embedder embedder;
  private final LuceneChunkIndex index;
  private final DocumentParser parser;
  private final Chunker chunker;
  private final PipelineDefinition pipeline;
  private final IngestConfig config;
  private final IngestionMetrics metrics;
  private final ChangeFeed feed;
  private final ReplicaSync replica;
  private final ReentrantLock runLock = new ReentrantLock();
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "groundwork-ingest");
    thread.setDaemon(true);
    return thread;
  });

  public IngestionService(EntityManager em, Embedder embedder, LuceneChunkIndex index,
      DocumentParser parser, Chunker chunker, PipelineDefinition pipeline, IngestConfig config,
      IngestionMetrics metrics, ChangeFeed feed, ReplicaSync replica) {
    this.feed = feed;
    this.replica = replica;
    this.em = em;
    this.embedder = embedder;
    this.index = index;
    this.parser = parser;
    this.chunker = chunker;
    this.pipeline = pipeline;
    this.config = config;
    this.metrics = metrics;
  }

  @PreDestroy
  void shutdown() {
    runner.shutdownNow();
  }

  public PipelineDefinition pipeline() {
    return pipeline;
  }

  /** A file to ingest: where it goes, who may read it, and how to read it. */
  record FileTask(String sourceName, String path, Set<String> groups, ContentSupplier content) {}

  /** Reads a file's bytes; may fail with an I/O error that the run records. */
  @FunctionalInterface
  interface ContentSupplier {
    byte[] read() throws IOException;
  }

  /** Starts a run over a configured source in the background and returns its id. */
  public String startSourceRun(String sourceName, String user) {
    SourceFiles files = pipeline.sourceFiles(sourceName);
    String runId = createRun(sourceName, user);
    runner.submit(() -> {
      try {
        runSourceAs(files, runId, IngestionListener.NONE);
      } catch (RuntimeException e) {
        LOG.errorf(e, "ingestion run %s failed", runId);
        failRun(runId, e.getMessage());
      }
    });
    return runId;
  }

  /** Runs over a configured source now, on the calling thread. */
  public IngestionReport runSource(String sourceName, String user, IngestionListener listener) {
    return runSource(pipeline.sourceFiles(sourceName), user, listener);
  }

  /**
   * Runs over the files of {@code files} now, on the calling thread; files of the source that are
   * gone from its folder are removed.
   */
  public IngestionReport runSource(SourceFiles files, String user, IngestionListener listener) {
    return runSourceAs(files, createRun(files.source().name(), user), listener);
  }

  private IngestionReport runSourceAs(SourceFiles files, String runId, IngestionListener listener) {
    List<String> paths = files.list();
    List<FileTask> tasks = paths.stream().map(path -> new FileTask(files.source().name(), path,
        files.groupsOf(path), () -> readLimited(files.root().resolve(path)))).toList();
    return execute(runId, files.source().name(), tasks, Set.copyOf(paths), listener);
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
      SourceFiles owner = null;
      for (String name : pipeline.sourceNames()) {
        SourceFiles files = pipeline.sourceFiles(name);
        if (path.startsWith(files.root())) {
          owner = files;
          break;
        }
      }
      if (owner != null && path.equals(owner.root())) {
        reports.add(runSource(owner, user, listener));
        continue;
      }
      String sourceName = owner == null ? "local" : owner.source().name();
      Path base = owner == null ? (Files.isDirectory(path) ? path : path.getParent()) : owner.root();
      List<FileTask> tasks = new ArrayList<>();
      for (Path file : listFiles(path)) {
        String relative = base.relativize(file).toString().replace('\\', '/');
        Set<String> groups = owner == null ? defaultGroups : owner.groupsOf(relative);
        String stored = owner == null ? file.toString() : relative;
        tasks.add(new FileTask(sourceName, stored, groups, () -> readLimited(file)));
      }
      reports.add(execute(createRun(sourceName, user), sourceName, tasks, null, listener));
    }
    return reports;
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
    return execute(createRun(UPLOADS, user), UPLOADS, List.of(task), null, IngestionListener.NONE);
  }

  private IngestionReport execute(String runId, String sourceName, List<FileTask> tasks,
      Set<String> completeListing, IngestionListener listener) {
    long started = System.nanoTime();
    runLock.lock();
    try {
      if (!feed.enabled()) {
        index.openForWriting();
      }
      QuarkusTransaction.requiringNew().run(() -> run(runId).filesTotal = tasks.size());
      listener.started(tasks.size());
      Counters counters = new Counters();
      int sinceCommit = 0;
      for (FileTask task : tasks) {
        Outcome outcome = ingestOne(task);
        counters.add(task.path(), outcome);
        metrics.fileDone(outcome.kind(), outcome.chunks(), outcome.reason());
        recordProgress(runId, task.path(), outcome, counters);
        listener.fileDone(task.path(), outcome.kind(), outcome.detail());
        if (outcome.kind() == FileOutcome.INGESTED && feed.enabled()) {
          replica.wakeUp(); // PostgreSQL mode: the local index follows the change feed
        } else if (outcome.kind() == FileOutcome.INGESTED && ++sinceCommit >= config.commitEvery()) {
          index.commit();
          sinceCommit = 0;
        }
      }
      if (completeListing != null) {
        for (DocumentEntity gone : documentsMissingFrom(sourceName, completeListing)) {
          if (!feed.enabled()) {
            index.deleteDocument(gone.id);
          }
          QuarkusTransaction.requiringNew().run(() -> deleteDocumentRow(gone.id));
          counters.removed++;
          metrics.fileDone(FileOutcome.REMOVED, 0, null);
          listener.fileDone(gone.path, FileOutcome.REMOVED, "");
        }
      }
      if (feed.enabled()) {
        replica.catchUp(); // read-your-writes: this replica's BM25 index has the run's changes
      } else {
        index.commit();
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      QuarkusTransaction.requiringNew().run(() -> {
        IngestionRunEntity run = run(runId);
        run.removed = counters.removed;
        run.status = Status.COMPLETED.name();
        run.finishedAt = OffsetDateTime.now();
      });
      metrics.runFinished(true, Duration.ofNanos(System.nanoTime() - started));
      LOG.infof("ingestion run %s over %s: %d ingested, %d unchanged, %d failed, %d removed in %d ms",
          runId, sourceName, counters.ingested, counters.unchanged, counters.failures.size(),
          counters.removed, millis);
      return new IngestionReport(runId, counters.ingested, counters.unchanged, counters.failures,
          counters.removed, counters.chunks, millis);
    } catch (RuntimeException e) {
      metrics.runFinished(false, Duration.ofNanos(System.nanoTime() - started));
      failRun(runId, e.getMessage());
      throw e;
    } finally {
      runLock.unlock();
    }
  }

  private Outcome ingestOne(FileTask task) {
    String documentId = Hashes.documentId(task.sourceName(), task.path());
    try {
      byte[] bytes = task.content().read();
      String contentHash = Hashes.sha256(bytes);
      DocumentEntity existing = QuarkusTransaction.requiringNew()
          .call(() -> em.find(DocumentEntity.class, documentId));
      if (existing != null && existing.contentHash.equals(contentHash)
          && existing.groups().equals(task.groups())
          && (feed.enabled() || index.chunkCount(documentId) == existing.chunkCount)) {
        return new Outcome(FileOutcome.UNCHANGED, "", 0, null);
      }
      ParsedDocument parsed = parser.parse(new ByteArrayInputStream(bytes), task.path());
      List<Chunk> chunks = chunker.chunk(parsed);
      List<String> passages = chunks.stream().map(c -> embeddingText(parsed, c)).toList();
      List<float[]> vectors = embedder.embedPassages(passages);
      List<IndexedChunk> indexed = chunks.stream().map(c -> new IndexedChunk(
          Hashes.chunkId(documentId, c.ordinal(), c.text()), documentId, task.sourceName(),
          task.path(), parsed.title(), String.join(" > ", c.headingPath()), c.text(), c.start(),
          c.end(), c.page(), task.groups())).toList();
      // Index first, database second: if the process dies in between, the database still holds
      // the old hash and the next run re-ingests the file.
      // In PostgreSQL mode the document, its vectors and its change-feed entry commit in one
      // transaction; each replica's local index follows the feed.
      if (!feed.enabled()) {
        index.replaceDocument(documentId, indexed, vectors);
      }
      QuarkusTransaction.requiringNew().run(() -> {
        storeDocument(documentId, task, parsed, contentHash, bytes.length, chunks, indexed);
        if (feed.enabled()) {
          feed.recordUpsert(em, documentId, indexed, vectors);
        }
      });
      return new Outcome(FileOutcome.INGESTED, chunks.size() + " chunks", chunks.size(), null);
    } catch (DocumentParseException e) {
      return new Outcome(FileOutcome.FAILED, e.getMessage(), 0, e.reason());
    } catch (IOException e) {
      return new Outcome(FileOutcome.FAILED, "cannot read file: " + e.getMessage(), 0,
          e instanceof FileTooLargeException ? FailureReason.TOO_LARGE : FailureReason.UNREADABLE);
    } catch (RuntimeException e) {
      LOG.errorf(e, "cannot ingest %s", task.path());
      return new Outcome(FileOutcome.FAILED, "internal error: " + e, 0, FailureReason.INTERNAL);
    }
  }

  private static String embeddingText(ParsedDocument document, Chunk chunk) {
    return PassageText.of(document.title(), chunk);
  }

  private void storeDocument(String documentId, FileTask task, ParsedDocument parsed,
      String contentHash, long size, List<Chunk> chunks, List<IndexedChunk> indexed) {
    em.createQuery("delete from ChunkEntity c where c.documentId = :id")
        .setParameter("id", documentId).executeUpdate();
    DocumentEntity document = em.find(DocumentEntity.class, documentId);
    if (document == null) {
      document = new DocumentEntity();
      document.id = documentId;
    }
    document.sourceName = task.sourceName();
    document.path = task.path();
    document.sourceUri = task.sourceName() + ":" + task.path();
    document.title = truncate(parsed.title(), 1000);
    document.mediaType = parsed.mediaType();
    document.contentHash = contentHash;
    document.setGroups(task.groups());
    document.sizeBytes = size;
    document.chunkCount = chunks.size();
    document.body = parsed.text();
    document.ingestedAt = OffsetDateTime.now();
    em.merge(document);
    em.flush();
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      ChunkEntity entity = new ChunkEntity();
      entity.id = indexed.get(i).chunkId();
      entity.documentId = documentId;
      entity.ordinal = chunk.ordinal();
      entity.startOffset = chunk.start();
      entity.endOffset = chunk.end();
      entity.headingPath = truncate(String.join(" > ", chunk.headingPath()), 2000);
      entity.page = chunk.page();
      entity.tokenCount = chunk.tokenCount();
      entity.body = chunk.text();
      em.persist(entity);
    }
  }

  private List<DocumentEntity> documentsMissingFrom(String sourceName, Set<String> paths) {
    List<DocumentEntity> documents = QuarkusTransaction.requiringNew().call(() -> em
        .createQuery("from DocumentEntity d where d.sourceName = :source", DocumentEntity.class)
        .setParameter("source", sourceName).getResultList());
    return documents.stream().filter(d -> !paths.contains(d.path)).toList();
  }

  private void deleteDocumentRow(String documentId) {
    em.createQuery("delete from ChunkEntity c where c.documentId = :id")
        .setParameter("id", documentId).executeUpdate();
    em.createQuery("delete from DocumentEntity d where d.id = :id")
        .setParameter("id", documentId).executeUpdate();
    if (feed.enabled()) {
      feed.recordDelete(em, documentId);
    }
  }

  private String createRun(String sourceName, String user) {
    String runId = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew().run(() -> {
      IngestionRunEntity run = new IngestionRunEntity();
      run.id = runId;
      run.sourceName = sourceName;
      run.startedBy = user;
      run.status = Status.RUNNING.name();
      run.startedAt = OffsetDateTime.now();
      em.persist(run);
    });
    return runId;
  }

  private void recordProgress(String runId, String path, Outcome outcome, Counters counters) {
    QuarkusTransaction.requiringNew().run(() -> {
      IngestionRunEntity run = run(runId);
      run.filesDone++;
      run.ingested = counters.ingested;
      run.unchanged = counters.unchanged;
      run.failed = counters.failures.size();
      run.chunksAdded = counters.chunks;
      if (outcome.kind() == FileOutcome.FAILED) {
        IngestionFailureEntity failure = new IngestionFailureEntity();
        failure.runId = runId;
        failure.path = truncate(path, 2000);
        failure.reason = truncate(outcome.detail(), 4000);
        failure.failedAt = OffsetDateTime.now();
        em.persist(failure);
      }
    });
  }

  private void failRun(String runId, String message) {
    try {
      QuarkusTransaction.requiringNew().run(() -> {
        IngestionRunEntity run = run(runId);
        run.status = Status.FAILED.name();
        run.message = truncate(String.valueOf(message), 4000);
        run.finishedAt = OffsetDateTime.now();
      });
    } catch (RuntimeException e) {
      LOG.errorf(e, "cannot mark ingestion run %s as failed", runId);
    }
  }

  private IngestionRunEntity run(String runId) {
    IngestionRunEntity run = em.find(IngestionRunEntity.class, runId);
    if (run == null) {
      throw new IllegalStateException("ingestion run " + runId + " does not exist");
    }
    return run;
  }

  private byte[] readLimited(Path file) throws IOException {
    long size = Files.size(file);
    if (size > config.maxFileBytes()) {
      throw new FileTooLargeException("file has " + size + " bytes, more than the limit of "
          + config.maxFileBytes());
    }
    return Files.readAllBytes(file);
  }

  private static List<Path> listFiles(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (var walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** What happened to one file; {@code reason} is set exactly when it failed. */
  private record Outcome(FileOutcome kind, String detail, int chunks, FailureReason reason) {}

  /** A file above {@code groundwork.ingest.max-file-bytes}. */
  private static final class FileTooLargeException extends IOException {
    FileTooLargeException(String message) {
      super(message);
    }
  }

  private static final class Counters {
    int ingested;
    int unchanged;
    int removed;
    int chunks;
    final List<IngestionReport.Failure> failures = new ArrayList<>();

    void add(String path, Outcome outcome) {
      switch (outcome.kind()) {
        case INGESTED -> {
          ingested++;
          chunks += outcome.chunks();
        }
        case UNCHANGED -> unchanged++;
        case FAILED -> failures.add(new IngestionReport.Failure(path, outcome.detail()));
        case REMOVED -> removed++;
      }
    }
  }
}
