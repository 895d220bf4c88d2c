package io.groundwork.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.groundwork.core.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends audit records to a hash chain and verifies it. Each record's hash is the SHA-256 of
 * the previous record's hash and the record's canonical JSON; the chain head row is locked while
 * appending, so concurrent writers (server threads, a CLI) extend one chain in order.
 * Thread-safe.
 */
@ApplicationScoped
public class AuditTrail {
  private final EntityManager em;
  private final ObjectMapper json = new ObjectMapper()
      .findAndRegisterModules()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  public AuditTrail(EntityManager em) {
    this.em = em;
  }

  /** Stores {@code entry} and returns the new record's id. Commits before returning. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long append(AuditEntry entry) {
    AuditChainHead head = em.find(AuditChainHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException("audit chain head is missing; the schema was not migrated");
    }
    AuditRecordEntity record = new AuditRecordEntity();
    record.id = head.lastId + 1;
    record.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    record.username = entry.caller().name();
    record.userGroups = String.join(",", entry.caller().groups().stream().sorted().toList());
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
    record.previousHash = head.lastHash;
    record.recordHash = hash(record);
    em.persist(record);
    head.lastId = record.id;
    head.lastHash = record.recordHash;
    return record.id;
  }

  /** Recomputes every record's hash and link, oldest first. */
  @Transactional
  public AuditVerification verify() {
    String previous = null;
    long count = 0;
    int page = 0;
    final int pageSize = 500;
    while (true) {
      List<AuditRecordEntity> records = em.createQuery(
              "from AuditRecordEntity r order by r.id", AuditRecordEntity.class)
          .setFirstResult(page * pageSize).setMaxResults(pageSize).getResultList();
      for (AuditRecordEntity record : records) {
        count++;
        if (previous != null && !previous.equals(record.previousHash)) {
          return new AuditVerification(false, count, record.id,
              "previous hash does not match the record before it");
        }
        if (!hash(record).equals(record.recordHash)) {
          return new AuditVerification(false, count, record.id,
              "content does not match its hash");
        }
        previous = record.recordHash;
      }
      em.clear();
      if (records.size() < pageSize) {
        break;
      }
      page++;
    }
    AuditChainHead head = em.find(AuditChainHead.class, 1);
    if (previous != null && !previous.equals(head.lastHash)) {
      return new AuditVerification(false, count, head.lastId, "chain head does not match the newest record");
    }
    return new AuditVerification(true, count, null, null);
  }

  String hash(AuditRecordEntity record) {
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("id", record.id);
    canonical.put("createdAt", record.createdAt.toInstant().truncatedTo(ChronoUnit.MILLIS).toString());
    canonical.put("username", record.username);
    canonical.put("userGroups", record.userGroups);
    canonical.put("question", record.question);
    canonical.put("request", record.request);
    canonical.put("retrieved", record.retrieved);
    canonical.put("answer", record.answer);
    canonical.put("refused", record.refused);
    canonical.put("citations", record.citations);
    canonical.put("answerer", record.answerer);
    canonical.put("promptVersion", record.promptVersion);
    canonical.put("latencies", record.latencies);
    // Added by V20: hashed only when present, so records written before keep their hashes.
    if (record.verification != null) {
      canonical.put("verification", record.verification);
    }
    if (record.fallbackReason != null) {
      canonical.put("fallbackReason", record.fallbackReason);
    }
    return Hashes.sha256(record.previousHash + "\n" + toJson(canonical));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise audit data", e);
    }
  }
}
