package io.groundwork.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.groundwork.answer.Citation;
import io.groundwork.pii.PiiRedactor;
import io.groundwork.security.Caller;
import io.groundwork.verify.Verification;
import io.groundwork.verify.VerifiedSentence;
import jakarta.inject.Named;
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
 * commit the {@link Checkpointer} is told, which signs checkpoints on its own thread. Personal
 * data in what an answer record stores (question, answer, quotes, verified sentences) is
 * redacted first ({@code groundwork.pii.*}), and the record's details count it by kind.
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

  private final PiiRedactor pii;

  public AuditTrail(EntityManager em, AuditDatabase database, Checkpointer checkpointer,
      @Named("audit") PiiRedactor pii) {
    this.em = em;
    this.pii = pii;
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
    PiiRedactor.Counts redacted = new PiiRedactor.Counts();
    record.question = pii.redact(entry.question(), redacted);
    record.request = toJson(entry.request());
    record.retrieved = toJson(entry.retrieved());
    record.answer = pii.redact(entry.answer().text(), redacted);
    record.refused = entry.answer().refused();
    record.citations = toJson(entry.answer().citations().stream().map(c -> new Citation(
        c.number(), c.documentId(), c.title(), c.path(), c.chunkId(), c.start(), c.end(),
        c.page(), pii.redact(c.quote(), redacted), c.url())).toList());
    record.answerer = entry.answer().answerer();
    record.promptVersion = entry.answer().promptVersion();
    record.latencies = toJson(entry.latenciesMillis());
    record.verification = entry.verification() == null ? null
        : toJson(redact(entry.verification(), redacted));
    record.fallbackReason = entry.answer().fallbackReason();
    Map<String, Object> details = new TreeMap<>();
    if (redacted.total() > 0) {
      details.put("piiRedacted", redacted.byKind());
    }
    if (!entry.answer().llmPiiMasked().isEmpty()) {
      details.put("llmPiiMasked", new TreeMap<>(entry.answer().llmPiiMasked()));
    }
    if (!details.isEmpty()) {
      record.details = toJson(details);
    }
    return chain(record);
  }

  /**
   * Empties the content of the answer records {@code ids} and, in the same transaction, appends
   * the pruning record ({@link RetentionLedger#PRUNE}) naming them, so that the content is never
   * gone without the record that accounts for it. Commits before returning.
   *
   * @param details the pruning's facts; {@code pruned} (the id ranges) and {@code before} (the
   *     cut-off) are what the verifiers read
   * @return the pruning record's id
   */
  public long recordPruning(String actor, Map<String, ?> details, List<Long> ids) {
    String text = toJson(new TreeMap<>(details));
    long id;
    appendLock.lock();
    try {
      id = pruneInTransaction(new Caller(actor, Set.of()), text, ids);
    } finally {
      appendLock.unlock();
    }
    checkpointer.appended(id);
    return id;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  long pruneInTransaction(Caller caller, String details, List<Long> ids) {
    AuditRecordEntity record = newRecord(caller, RetentionLedger.PRUNE);
    record.details = details;
    long id = chain(record);
    em.flush();
    for (int i = 0; i < ids.size(); i += 500) {
      em.createQuery("update AuditRecordEntity r set r.question = null, r.request = null,"
              + " r.retrieved = null, r.answer = null, r.citations = null,"
              + " r.answerer = null, r.promptVersion = null, r.latencies = null,"
              + " r.verification = null, r.fallbackReason = null, r.details = null"
              + " where r.id in :ids and r.action = :answer and r.hashVersion = 2")
          .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
          .setParameter("answer", ANSWER)
          .executeUpdate();
    }
    return id;
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

  private Verification redact(Verification v, PiiRedactor.Counts redacted) {
    if (!pii.enabled()) {
      return v;
    }
    return new Verification(v.scorer(), v.minSupport(), v.mode(), v.sentences().stream()
        .map(s -> new VerifiedSentence(s.index(), pii.redact(s.text(), redacted), s.citations(),
            s.invalidCitations(), s.support(), s.lexical(), s.semantic(),
            pii.redact(s.evidence(), redacted), s.status())).toList(),
        v.supportedSentences(), v.removedSentences(), v.flaggedSentences(),
        v.invalidCitationsRemoved(), v.refusedByVerification());
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
