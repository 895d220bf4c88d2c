package io.groundwork.postgres;

import io.agroal.api.AgroalDataSource;
import io.groundwork.index.IndexLockedException;
import io.groundwork.index.IndexedChunk;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.index.LuceneChunkWriter;
import io.groundwork.store.ActiveStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Keeps this replica's local Lucene (BM25) index up to date with PostgreSQL by applying the change
 * feed in order. For each entry it reads the document's current chunks from PostgreSQL and
 * replaces them in Lucene (or deletes them when the document is gone), so applying an entry twice
 * is harmless. How far it got is stored in the Lucene commit's user data, atomically with the
 * changes: a replica that starts empty or was down catches up from there on start.
 *
 * <p>It applies new entries when woken by NOTIFY on {@link ChangeFeed#CHANNEL}, when ingestion in
 * this process asks, and every {@code groundwork.postgres.poll-interval} in case a notification
 * was missed. Runs only in PostgreSQL mode, in the process that holds the data directory's index
 * lock (a CLI next to a running server leaves it to the server). Publishes
 * {@code groundwork.index.lag}: feed entries this replica has not applied yet. Thread-safe.
 */
@ApplicationScoped
public class ReplicaSync {
  /** Key of the applied feed position in the Lucene commit user data. */
  public static final String POSITION = "groundwork.change-feed.position";

  private static final Logger LOG = Logger.getLogger(ReplicaSync.class);

  private final ActiveStore store;
  private final LuceneChunkIndex index;
  private final PostgresConfig config;
  private final InjectableInstance<AgroalDataSource> dataSource;
  private final MeterRegistry registry;
  private final String url;
  private final String user;
  private final String password;
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private volatile boolean following;
  private volatile boolean caughtUp;
  private volatile long position;
  private volatile boolean stopping;
  private ScheduledExecutorService executor;
  private Thread listener;

  public ReplicaSync(ActiveStore store, LuceneChunkIndex index, PostgresConfig config,
      @io.quarkus.agroal.DataSource("postgres") InjectableInstance<AgroalDataSource> dataSource,
      MeterRegistry registry,
      @ConfigProperty(name = "groundwork.db.url") Optional<String> url,
      @ConfigProperty(name = "groundwork.db.user", defaultValue = "groundwork") String user,
      @ConfigProperty(name = "groundwork.db.password") Optional<String> password) {
    this.store = store;
    this.index = index;
    this.config = config;
    this.dataSource = dataSource;
    this.registry = registry;
    this.url = url.orElse("");
    this.user = user;
    this.password = password.orElse("");
  }

  void onStart(@Observes StartupEvent event) {
    if (store.postgres()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts following the feed, unless another process owns this data directory's index. */
  synchronized void start() {
    if (following) {
      return;
    }
    try {
      index.openForWriting();
    } catch (IndexLockedException e) {
      LOG.infof("not following the change feed: %s", e.getMessage());
      return;
    }
    position = Long.parseLong(index.writer().committedUserData().getOrDefault(POSITION, "0"));
    following = true;
    Gauge.builder("groundwork.index.lag", this, ReplicaSync::lag)
        .description("Change-feed entries this replica has not applied to its local index yet")
        .register(registry);
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "groundwork-replica-sync");
      thread.setDaemon(true);
      return thread;
    });
    LOG.infof("following the change feed from position %d", position);
    executor.scheduleWithFixedDelay(this::applyQuietly, 0, config.pollInterval().toMillis(),
        TimeUnit.MILLISECONDS);
    startListener();
  }

  synchronized void stop() {
    stopping = true;
    if (executor != null) {
      executor.shutdownNow();
    }
    if (listener != null) {
      listener.interrupt();
    }
  }

  /** True when this process applies the feed to its local index. */
  public boolean following() {
    return following;
  }

  /** True once the feed has been applied up to its end at least once since start. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** The last feed entry applied to the local index. */
  public long position() {
    return position;
  }

  /** Asks for the pending entries to be applied soon, on the sync thread. */
  public void wakeUp() {
    if (following && !stopping && wakeUpPending.compareAndSet(false, true)) {
      executor.execute(() -> {
        wakeUpPending.set(false);
        applyQuietly();
      });
    }
  }

  /**
   * Applies every entry committed so far, on the calling thread; returns when the local index
   * has them (read-your-writes for ingestion in this process). Does nothing when not following.
   */
  public void catchUp() {
    if (following) {
      try {
        applyPending();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot apply the change feed: " + e.getMessage(), e);
      }
    }
  }

  /** Entries in the feed after this replica's position; NaN when PostgreSQL cannot be asked. */
  double lag() {
    try (Connection connection = dataSource.get().getConnection();
        PreparedStatement count = connection.prepareStatement(
            "SELECT count(*) FROM change_feed WHERE seq > ?")) {
      count.setLong(1, position);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private void applyQuietly() {
    try {
      applyPending();
    } catch (SQLException | RuntimeException e) {
      if (!stopping) {
        LOG.warnf("cannot apply the change feed now (will retry): %s", e.getMessage());
      }
    }
  }

  private synchronized void applyPending() throws SQLException {
    while (!stopping) {
      List<Long> seqs = new ArrayList<>();
      Set<String> documents = new LinkedHashSet<>();
      Map<String, List<IndexedChunk>> chunks = new LinkedHashMap<>();
      try (Connection connection = dataSource.get().getConnection()) {
        try (PreparedStatement feed = connection.prepareStatement(
            "SELECT seq, document_id FROM change_feed WHERE seq > ? ORDER BY seq LIMIT ?")) {
          feed.setLong(1, position);
          feed.setInt(2, config.feedBatch());
          try (ResultSet rs = feed.executeQuery()) {
            while (rs.next()) {
              seqs.add(rs.getLong(1));
              documents.add(rs.getString(2));
            }
          }
        }
        if (seqs.isEmpty()) {
          caughtUp = true;
          return;
        }
        try (PreparedStatement current = connection.prepareStatement(
            "SELECT " + PostgresChunkReader.CHUNK_COLUMNS + " WHERE c.document_id = ANY (?)"
                + " ORDER BY c.document_id, c.ordinal")) {
          current.setArray(1, connection.createArrayOf("text", documents.toArray(String[]::new)));
          try (ResultSet rs = current.executeQuery()) {
            while (rs.next()) {
              IndexedChunk chunk = PostgresChunkReader.chunk(rs, 1);
              chunks.computeIfAbsent(chunk.documentId(), d -> new ArrayList<>()).add(chunk);
            }
          }
        }
      }
      LuceneChunkWriter writer = index.writer();
      for (String document : documents) {
        List<IndexedChunk> current = chunks.get(document);
        if (current == null) {
          writer.deleteDocument(document);
        } else {
          writer.replaceDocument(document, current, Arrays.asList(new float[current.size()][]));
        }
      }
      long last = seqs.get(seqs.size() - 1);
      writer.commit(Map.of(POSITION, Long.toString(last)));
      position = last;
      LOG.debugf("applied change feed up to %d (%d documents)", last, documents.size());
    }
  }

  /** LISTEN on a connection of its own; a notification only triggers {@link #wakeUp()}. */
  private void startListener() {
    if (url.isBlank() || stopping) {
      return;
    }
    listener = new Thread(this::listen, "groundwork-replica-listen");
    listener.setDaemon(true);
    listener.start();
  }

  private void listen() {
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      try (Statement listen = connection.createStatement()) {
        listen.execute("LISTEN " + ChangeFeed.CHANNEL);
      }
      PGConnection pg = connection.unwrap(PGConnection.class);
      while (!stopping && !Thread.currentThread().isInterrupted()) {
        // Blocks until a notification arrives or the timeout passes (then checks for stop).
        var notifications = pg.getNotifications((int) config.pollInterval().toMillis());
        if (notifications != null && notifications.length > 0) {
          wakeUp();
        }
      }
    } catch (SQLException e) {
      if (!stopping) {
        LOG.warnf("change-feed listener lost its connection (polling goes on, retrying): %s",
            e.getMessage());
        executor.schedule(this::startListener, config.pollInterval().toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
  }
}
