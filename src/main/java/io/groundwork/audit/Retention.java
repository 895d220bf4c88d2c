package io.groundwork.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retention and legal holds of the audit trail. Pruning empties the content of answer records
 * older than the period that no legal hold in force covers, and appends the pruning record that
 * names them in the same transaction ({@link AuditTrail#recordPruning}). Setting and lifting a
 * hold, and a change of the period, are audit records; holds live only in the trail, so the
 * verifiers read the very same ones. Records of hash scheme 1 cover their content in their hash
 * and are never pruned. Thread-safe.
 */
@ApplicationScoped
public class Retention {
  /** The action of the record that states the retention period in force. */
  public static final String PERIOD_CHANGE = "audit.retention-change";

  private final AuditTrail trail;
  private final AuditDatabase database;
  private final EntityManager em;
  private final RetentionConfig config;

  public Retention(AuditTrail trail, AuditDatabase database, EntityManager em,
      RetentionConfig config) {
    if (config.period().compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("groundwork.retention.period must be at least 1s, got "
          + config.period());
    }
    this.trail = trail;
    this.database = database;
    this.em = em;
    this.config = config;
  }

  /** The retention period in force. */
  public Duration period() {
    return config.period();
  }

  /** What a legal hold is set on; at least one criterion. */
  public record HoldRequest(String user, String group, String document, OffsetDateTime from,
      OffsetDateTime to, String reason) {
    /** @throws IllegalArgumentException when no criterion or no reason is given */
    public HoldRequest {
      if (blank(user) && blank(group) && blank(document) && from == null && to == null) {
        throw new IllegalArgumentException("a legal hold needs at least one of user, group,"
            + " document, from, to");
      }
      if (blank(reason)) {
        throw new IllegalArgumentException("a legal hold needs a reason (the matter or case)");
      }
      if (from != null && to != null && !from.isBefore(to)) {
        throw new IllegalArgumentException("a legal hold's from must be before its to");
      }
    }
  }

  /** What one pruning did. */
  public record PruneReport(long recordId, Instant before, long pruned, long held,
      List<long[]> ranges) {}

  /** Every legal hold, lifted ones included, by id. */
  public List<LegalHold> holds() {
    return ledger().holds();
  }

  /** The hold with {@code id}, or empty. */
  public Optional<LegalHold> hold(long id) {
    return holds().stream().filter(h -> h.id() == id).findFirst();
  }

  /**
   * Sets a legal hold (an {@code audit.hold-set} record, whose id is the hold's id). A document
   * hold lists the records that retrieved or cited the document so far.
   */
  @Transactional
  public LegalHold setHold(String actor, HoldRequest request) {
    Map<String, Object> details = new LinkedHashMap<>();
    putText(details, "user", request.user());
    putText(details, "group", request.group());
    putText(details, "document", request.document());
    if (request.from() != null) {
      details.put("from", request.from().toInstant().toString());
    }
    if (request.to() != null) {
      details.put("to", request.to().toInstant().toString());
    }
    details.put("reason", request.reason().strip());
    if (!blank(request.document())) {
      List<Long> ids = em.createQuery("select r.id from AuditRecordEntity r where r.action = :a"
              + " and (locate(:d, cast(r.retrieved as String)) > 0 or locate(:d, cast(r.citations as String)) > 0) order by r.id",
              Long.class)
          .setParameter("a", AuditTrail.ANSWER)
          .setParameter("d", documentNeedle(request.document().strip()))
          .getResultList();
      details.put("records", RetentionLedger.toRanges(ids));
    }
    long id = trail.recordAction(actor, RetentionLedger.HOLD_SET, details);
    return hold(id).orElseThrow();
  }

  /**
   * Lifts hold {@code id} (an {@code audit.hold-lifted} record).
   *
   * @throws IllegalArgumentException when there is no such hold, it is lifted, or no reason
   */
  public LegalHold liftHold(String actor, long id, String reason) {
    LegalHold hold = hold(id).orElseThrow(
        () -> new java.util.NoSuchElementException("no legal hold " + id));
    if (!hold.active()) {
      throw new IllegalStateException("legal hold " + id + " was already lifted by record "
          + hold.liftedBy());
    }
    if (blank(reason)) {
      throw new IllegalArgumentException("lifting a legal hold needs a reason");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("hold", id);
    details.put("reason", reason.strip());
    trail.recordAction(actor, RetentionLedger.HOLD_LIFTED, details);
    return hold(id).orElseThrow();
  }

  /** Prunes what is older than the period at {@code now}; see {@link #pruneBefore}. */
  public PruneReport prune(String actor, Instant now) {
    return pruneBefore(actor, now.minus(config.period()));
  }

  /**
   * Empties the content of the answer records created before {@code before} that no legal hold
   * in force covers and that still hold content, and appends the pruning record naming them
   * (also when none was pruned, so that every run is on record). The period in force is recorded
   * first when it differs from the last one recorded.
   */
  public PruneReport pruneBefore(String actor, Instant before) {
    recordPeriodIfChanged(actor);
    List<LegalHold> active = holds().stream().filter(LegalHold::active).toList();
    List<Long> old = candidates(before, List.of());
    List<Long> ids = active.isEmpty() ? old : candidates(before, active);
    List<long[]> ranges = RetentionLedger.toRanges(ids);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("before", before.toString());
    details.put("period", config.period().toString());
    details.put("pruned", ranges);
    details.put("count", ids.size());
    details.put("held", old.size() - ids.size());
    details.put("holdsInForce", active.stream().map(LegalHold::id).toList());
    long id = trail.recordPruning(actor, details, ids);
    return new PruneReport(id, before, ids.size(), old.size() - ids.size(), ranges);
  }

  /** Appends an {@value #PERIOD_CHANGE} record when the period differs from the last recorded. */
  public Optional<Long> recordPeriodIfChanged(String actor) {
    String current = config.period().toString();
    String previous = null;
    List<String> last = lastPeriodRecord();
    if (!last.isEmpty() && last.get(0) != null) {
      try {
        previous = RetentionLedger.JSON.readTree(last.get(0)).path("period").asText(null);
      } catch (IOException e) {
        previous = null;
      }
    }
    if (current.equals(previous)) {
      return Optional.empty();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("previousPeriod", previous);
    details.put("period", current);
    return Optional.of(trail.recordAction(actor, PERIOD_CHANGE, details));
  }

  @Transactional
  List<String> lastPeriodRecord() {
    return em.createQuery("select r.details from AuditRecordEntity r where r.action = :a"
            + " order by r.id desc", String.class)
        .setParameter("a", PERIOD_CHANGE).setMaxResults(1).getResultList();
  }

  @Transactional
  List<Long> candidates(Instant before, List<LegalHold> holds) {
    StringBuilder jpql = new StringBuilder("select r.id from AuditRecordEntity r where"
        + " r.action = :answer and r.hashVersion = 2 and r.createdAt < :before and"
        + " (r.question is not null or r.answer is not null or r.retrieved is not null)");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("answer", AuditTrail.ANSWER);
    params.put("before", before.atOffset(ZoneOffset.UTC));
    int i = 0;
    for (LegalHold hold : holds) {
      List<String> terms = new ArrayList<>();
      if (hold.user() != null) {
        terms.add("r.username = :u" + i);
        params.put("u" + i, hold.user());
      }
      if (hold.group() != null) {
        terms.add("locate(:g" + i + ", concat(',', r.userGroups, ',')) > 0");
        params.put("g" + i, "," + hold.group() + ",");
      }
      if (hold.from() != null) {
        terms.add("r.createdAt >= :f" + i);
        params.put("f" + i, hold.from().atOffset(ZoneOffset.UTC));
      }
      if (hold.to() != null) {
        terms.add("r.createdAt < :t" + i);
        params.put("t" + i, hold.to().atOffset(ZoneOffset.UTC));
      }
      if (hold.document() != null) {
        terms.add("(locate(:d" + i + ", cast(r.retrieved as String)) > 0 or locate(:d" + i + ", cast(r.citations as String)) > 0)");
        params.put("d" + i, documentNeedle(hold.document()));
      }
      jpql.append(" and not (").append(String.join(" and ", terms)).append(")");
      i++;
    }
    jpql.append(" order by r.id");
    TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  private RetentionLedger ledger() {
    try (Connection connection = database.connection()) {
      AuditTables tables = new AuditTables(connection);
      return RetentionLedger.of(tables.retentionRecords(Long.MAX_VALUE));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    }
  }

  /** The JSON text that names document {@code id} in retrieved chunks and citations. */
  static String documentNeedle(String id) {
    return "\"documentId\":\"" + id + "\"";
  }

  private static void putText(Map<String, Object> details, String key, String value) {
    if (!blank(value)) {
      details.put(key, value.strip());
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

}
