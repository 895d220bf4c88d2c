package io.groundwork.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Signs checkpoints in the background, off the answer path: on one named thread
 * ({@value #THREAD_NAME}), every {@code groundwork.audit.checkpoint-interval} and as soon as
 * {@code groundwork.audit.checkpoint-every} records were appended since the last checkpoint,
 * and once more when the application stops. At start it records a key change (an audit record)
 * when the newest checkpoint was signed by another key. Without
 * {@code groundwork.audit.signing-key-file} it does nothing. Thread-safe.
 */
@ApplicationScoped
public class Checkpointer {
  /** The name of the signing thread. */
  public static final String THREAD_NAME = "groundwork-audit-checkpointer";
  /** The actor of records the application makes itself. */
  public static final String SYSTEM_ACTOR = "groundwork";
  private static final Logger LOG = Logger.getLogger(Checkpointer.class);

  private final AuditConfig config;
  private final AuditDatabase database;
  private final AuditTrail trail;
  private final CheckpointWriter writer;
  private final AtomicBoolean pending = new AtomicBoolean();
  private ScheduledExecutorService executor;

  /**
   * @throws IllegalArgumentException when a setting is out of range or the key file unusable
   */
  public Checkpointer(AuditConfig config, AuditDatabase database, AuditTrail trail) {
    if (config.checkpointEvery() < 1) {
      throw new IllegalArgumentException("groundwork.audit.checkpoint-every must be at least 1,"
          + " got " + config.checkpointEvery());
    }
    if (config.checkpointInterval().compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("groundwork.audit.checkpoint-interval must be at least"
          + " 1s, got " + config.checkpointInterval());
    }
    this.config = config;
    this.database = database;
    this.trail = trail;
    this.writer = config.signingKeyFile().map(file -> new CheckpointWriter(
        new CheckpointSigner(SigningKeys.readKeyPair(file)), database::connection,
        new CheckpointLog(config.checkpointDir()), Clock.systemUTC())).orElse(null);
  }

  void onStart(@Observes StartupEvent event) throws SQLException {
    if (writer == null) {
      LOG.info("audit trail is unsigned: set groundwork.audit.signing-key-file to sign checkpoints");
      return;
    }
    recordKeyChange();
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, THREAD_NAME);
      thread.setDaemon(true);
      return thread;
    });
    long interval = config.checkpointInterval().toMillis();
    executor.scheduleWithFixedDelay(this::checkpointQuietly, 0, interval, TimeUnit.MILLISECONDS);
    LOG.infof("audit checkpoints signed with key %s into %s every %d records or %s",
        writer.signer().keyId(), writer.log().file(), config.checkpointEvery(),
        config.checkpointInterval());
  }

  void onStop(@Observes ShutdownEvent event) {
    if (executor == null) {
      return;
    }
    executor.execute(this::checkpointQuietly);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** True when checkpoints are signed. */
  public boolean signing() {
    return writer != null;
  }

  /** The keys this instance verifies checkpoints with: its own public key, or none. */
  public TrustedKeys trustedKeys() {
    return writer == null ? TrustedKeys.none() : writer.signer().trustedKeys();
  }

  /** Where this instance's checkpoint log is. */
  public Path checkpointDir() {
    return config.checkpointDir();
  }

  /**
   * Called after record {@code id} was committed: asks the signing thread for a checkpoint once
   * {@code checkpoint-every} records are uncovered. Never blocks.
   */
  void appended(long id) {
    if (executor == null || id - writer.signedSize() < config.checkpointEvery()) {
      return;
    }
    if (pending.compareAndSet(false, true)) {
      try {
        executor.execute(() -> {
          pending.set(false);
          checkpointQuietly();
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        pending.set(false); // stopping: the final checkpoint covers it
      }
    }
  }

  /**
   * Signs a checkpoint now, on the signing thread, and waits for it (exports do this so that
   * the bundle is covered).
   *
   * @return the new checkpoint, or empty when unsigned or nothing was new
   */
  public Optional<Checkpoint> checkpointNow() {
    if (executor == null) {
      return Optional.empty();
    }
    try {
      return executor.submit(writer::checkpoint).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signing a checkpoint", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot sign a checkpoint: " + e.getMessage(), e);
    }
  }

  private void checkpointQuietly() {
    try {
      writer.checkpoint();
    } catch (SQLException | RuntimeException e) {
      LOG.warnf(e, "cannot sign an audit checkpoint; retrying in %s", config.checkpointInterval());
    }
  }

  /**
   * Records a key change when the newest checkpoint was signed by another key than this
   * instance's (done at start).
   *
   * @return the id of the record made, or empty when the key is the same (or there is none yet)
   */
  Optional<Long> recordKeyChange() throws SQLException {
    Optional<Checkpoint> latest;
    try (var connection = database.connection()) {
      latest = new AuditTables(connection).latestCheckpoint();
    }
    String keyId = writer.signer().keyId();
    if (latest.isPresent() && !latest.get().keyId().equals(keyId)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("previousKeyId", latest.get().keyId());
      details.put("keyId", keyId);
      details.put("lastCheckpointOfPreviousKey", latest.get().seq());
      long id = trail.recordAction(SYSTEM_ACTOR, "audit.key-change", details);
      LOG.warnf("audit signing key changed from %s to %s (audit record %d)",
          latest.get().keyId(), keyId, id);
      return Optional.of(id);
    }
    return Optional.empty();
  }
}
