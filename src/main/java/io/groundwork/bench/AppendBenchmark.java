package io.groundwork.bench;

import io.groundwork.answer.Answer;
import io.groundwork.audit.AuditEntry;
import io.groundwork.audit.AuditTables;
import io.groundwork.audit.AuditTrail;
import io.groundwork.audit.CheckpointLog;
import io.groundwork.audit.CheckpointSigner;
import io.groundwork.audit.SigningKeys;
import io.groundwork.audit.CheckpointWriter;
import io.groundwork.answer.Citation;
import io.groundwork.security.Caller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends answer records from concurrent askers through the real {@link AuditTrail} and
 * measures throughput and per-append latency, optionally with a {@link CheckpointWriter} signing
 * on its own thread every {@code every} records (a throw-away key and a temporary checkpoint
 * log). Not thread-safe: one run at a time.
 */
public final class AppendBenchmark {
  private final AuditTrail trail;
  private final CheckpointWriter.Connections connections;
  private final int threads;
  private final int appends;
  private final int every;

  /** Figures of one run. */
  public record Result(int threads, int appends, double seconds, double p50Millis,
      double p95Millis, double p99Millis, long checkpoints) {
    public double appendsPerSecond() {
      return appends / seconds;
    }

    public String describe(String label) {
      return String.format("%s: %d appends, %d askers: %.0f appends/s, latency p50 %.2f ms,"
          + " p95 %.2f ms, p99 %.2f ms, %d checkpoints", label, appends, threads,
          appendsPerSecond(), p50Millis, p95Millis, p99Millis, checkpoints);
    }
  }

  public AppendBenchmark(AuditTrail trail, CheckpointWriter.Connections connections, int threads,
      int appends, int every) {
    if (threads < 1 || appends < 1 || every < 1) {
      throw new IllegalArgumentException("threads, appends and checkpoint-every must be at least"
          + " 1, got " + threads + ", " + appends + ", " + every);
    }
    this.trail = trail;
    this.connections = connections;
    this.threads = threads;
    this.appends = appends;
    this.every = every;
  }

  /** Records in the trail now. */
  public long trailSize() throws SQLException {
    try (Connection connection = connections.open()) {
      return new AuditTables(connection).head().lastId();
    }
  }

  /** One run of {@code appends} appends (half as many when warming up). */
  public Result run(boolean checkpoints, boolean warmUp) throws InterruptedException,
      SQLException {
    int total = warmUp ? Math.max(1, appends / 2) : appends;
    CheckpointWriter writer = null;
    ScheduledExecutorService signer = null;
    Path logDir = null;
    if (checkpoints) {
      try {
        logDir = Files.createTempDirectory("audit-bench-checkpoints");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      writer = new CheckpointWriter(new CheckpointSigner(SigningKeys.generate()), connections,
          new CheckpointLog(logDir), Clock.systemUTC());
      signer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "audit-bench-signer"));
    }
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicLong signedAt = new AtomicLong(trailSize());
    AtomicLong signedCount = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    ExecutorService askers = Executors.newFixedThreadPool(threads,
        r -> new Thread(r, "audit-bench-asker"));
    final CheckpointWriter checkpointWriter = writer;
    final ScheduledExecutorService signing = signer;
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      askers.execute(() -> {
        try {
          for (int i; (i = next.getAndIncrement()) < total; ) {
            long begin = System.nanoTime();
            long id = trail.append(entry(i));
            latencies[i] = System.nanoTime() - begin;
            long last = signedAt.get();
            if (checkpointWriter != null && id - last >= every && signedAt.compareAndSet(last, id)) {
              signing.execute(() -> {
                try {
                  checkpointWriter.checkpoint().ifPresent(c -> signedCount.incrementAndGet());
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
            }
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    askers.shutdown();
    if (signing != null) {
      signing.shutdown();
      signing.awaitTermination(30, TimeUnit.SECONDS);
      try {
        Files.deleteIfExists(checkpointWriter.log().file());
        Files.deleteIfExists(logDir);
      } catch (java.io.IOException e) {
        // a temporary directory left behind is harmless
      }
    }
    Arrays.sort(latencies);
    return new Result(threads, total, seconds, percentile(latencies, 0.50),
        percentile(latencies, 0.95), percentile(latencies, 0.99), signedCount.get());
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static AuditEntry entry(int i) {
    Answer answer = new Answer("Employees get 27 days of annual leave. [1]", List.of(
        new Citation(1, "doc-" + (i % 50), "Leave policy", "hr/leave.md", "doc-0-x", 10, 52, 0,
            "Employees get 27 days of annual leave.", "/view.html?doc=doc")), false,
        "extractive", "v1");
    return new AuditEntry(new Caller("bench-" + (i % 16), Set.of("hr")),
        "How many days of annual leave do I get? (" + i + ")", Map.of("topK", 8),
        List.of(new AuditEntry.RetrievedRef("doc-0-x", "doc", "hr/leave.md", 0.03, 1, 2)),
        answer, Map.of("retrieve", 12.5, "answer", 3.0));
  }
}
