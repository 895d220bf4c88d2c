package io.groundwork.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.groundwork.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Appends audit records to a hash chain and verifies it. Records are numbered 1, 2, ... without
 * gaps and chained from a fixed genesis hash; new records use hash scheme 2 (metadata and a
 * content digest, see {@link RecordHashes}). The chain head row is locked while appending, so
 * concurrent writers (server threads, replicas, a CLI) extend one chain in order. After each
 * commit the {@link Checkpointer} is told, which signs checkpoints on its own thread.
 * Thread-safe.
 */
@ApplicationScoped
public class AuditTrail {
  /** The action of records about answered questions. */
  public static final String ANSWER = "answer";
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  private final EntityManager em;
  private final AuditDatabase database;
  private final Checkpointer checkpointer;
  /**
   * Appenders of this process queue here, in arrival order, before they take the chain head's
   * row lock: handing over a JVM lock is far quicker than the database's lock wait (H2 polls),
   * which set the tail latency with many concurrent askers. The row lock still orders writers of
   * other processes (replicas, the CLI).
   */
  private final ReentrantLock appendLock = new ReentrantLock(true);
  private final ObjectMapper json = new ObjectMapper()
      .findAndRegisterModules()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  public AuditTrail(EntityManager em, AuditDatabase database, Checkpointer checkpointer) {
    this.em = em;
    this.database = database;
    this.checkpointer = checkpointer;
  }

  /** Stores {@code entry} and returns the new record's id. Commits before returning. */
  public long append(AuditEntry entry) {
    long id;
    appendLock.lock();
    try {
      id = appendInTransaction(entry);
    } finally {
      appendLock.unlock();
    }
    checkpointer.appended(id);
    return id;
  }

  /**
   * Records an administrative action (ingestion run started, upload, export, key change) by
   * {@code actor}, with what it did; commits before returning.
   *
   * @param action dotted lower-case name, e.g. {@code ingestion.upload}
   * @param details JSON-serialisable facts of the action (no secrets)
   * @return the new record's id
   * @throws IllegalArgumentException when {@code action} is not a dotted lower-case name
   */
  public long recordAction(String actor, String action, Map<String, ?> details) {
    Objects.requireNonNull(details, "details");
    if (action == null || !ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException("action must be a dotted lower-case name such as"
          + " ingestion.upload, got " + action);
    }
    String json = toJson(new TreeMap<>(details));
    long id;
    appendLock.lock();
    try {
      id = recordActionInTransaction(new Caller(actor, Set.of()), action, json);
    } finally {
      appendLock.unlock();
    }
    checkpointer.appended(id);
    return id;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  long appendInTransaction(AuditEntry entry) {
    AuditRecordEntity record = newRecord(entry.caller(), ANSWER);
    record.question = entry.question();
    record.request = toJson(entry.request());
    record.retrieved = toJson(entry.retrieved());
    record.answer = entry.answer().text();
    record.refused = entry.answer().refused();
    record.citations = toJson(entry.answer().citations());
    record.answerer = entry.answer().answerer();
    record.promptVersion = entry.answer().promptVersion();
    record.latencies = toJson(entry.latenciesMillis());
    record.verification = entry.verification() == null ? null : toJson(entry.verification());
    record.fallbackReason = entry.answer().fallbackReason();
    return chain(record);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  long recordActionInTransaction(Caller caller, String action, String details) {
    AuditRecordEntity record = newRecord(caller, action);
    record.details = details;
    return chain(record);
  }

  /**
   * Verifies the whole trail as {@code /api/audit/verify} reports it: the chain from the genesis
   * hash, the head and, when this instance signs, every checkpoint of its key in the database
   * and in its checkpoint log.
   */
  public AuditVerification verify() {
    List<CheckpointSource> logs = checkpointer.signing() && java.nio.file.Files.isDirectory(
        checkpointer.checkpointDir())
        ? CheckpointLog.readDirectory(checkpointer.checkpointDir()) : List.of();
    try (Connection connection = database.connection()) {
      return new TrailVerifier(checkpointer.trustedKeys(), false).verify(connection, logs);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    }
  }

  private AuditRecordEntity newRecord(Caller caller, String action) {
    AuditRecordEntity record = new AuditRecordEntity();
    record.username = caller.name();
    record.userGroups = String.join(",", caller.groups().stream().sorted().toList());
    record.action = action;
    record.hashVersion = RecordHashes.CURRENT_VERSION;
    return record;
  }

  private long chain(AuditRecordEntity record) {
    AuditChainHead head = em.find(AuditChainHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException("audit chain head is missing; the schema was not migrated");
    }
    record.id = head.lastId + 1;
    // Stamped under the lock, so that times grow with ids and a time range is an id range.
    record.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    record.previousHash = head.lastHash;
    record.recordHash = "";
    record.contentDigest = RecordHashes.contentDigest(record.stored());
    record.recordHash = RecordHashes.recordHash(record.stored());
    em.persist(record);
    head.lastId = record.id;
    head.lastHash = record.recordHash;
    return record.id;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise audit data", e);
    }
  }
}
