package io.groundwork.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the retention pruning on one named thread ({@value #THREAD_NAME}): first
 * {@code groundwork.retention.first-run-after} after start, then every
 * {@code groundwork.retention.run-every} (daily by default), as the system actor. Off with
 * {@code groundwork.retention.scheduled=false}. Thread-safe.
 */
@ApplicationScoped
public class RetentionSchedule {
  /** The name of the pruning thread. */
  public static final String THREAD_NAME = "groundwork-audit-retention";
  private static final Logger LOG = Logger.getLogger(RetentionSchedule.class);

  private final Retention retention;
  private final RetentionConfig config;
  private ScheduledExecutorService executor;

  /** @throws IllegalArgumentException when run-every is under a minute */
  public RetentionSchedule(Retention retention, RetentionConfig config) {
    if (config.runEvery().compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("groundwork.retention.run-every must be at least 1m,"
          + " got " + config.runEvery());
    }
    this.retention = retention;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.scheduled()) {
      LOG.info("audit retention pruning is not scheduled (groundwork.retention.scheduled=false)");
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, THREAD_NAME);
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::pruneQuietly, config.firstRunAfter().toMillis(),
        config.runEvery().toMillis(), TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private void pruneQuietly() {
    try {
      Retention.PruneReport report = retention.prune(Checkpointer.SYSTEM_ACTOR, Instant.now());
      LOG.infof("audit retention: pruned %d records created before %s, %d held (record %d)",
          report.pruned(), report.before(), report.held(), report.recordId());
    } catch (RuntimeException e) {
      LOG.errorf(e, "audit retention pruning failed; it runs again in %s", config.runEvery());
    }
  }
}
