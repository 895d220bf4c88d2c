package io.groundwork.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One stored audit record; JSON columns hold the structured parts. Content columns are null in
 * administrative records that do not use them; see {@link StoredRecord} for every column.
 */
@Entity
@Table(name = "audit_records")
public class AuditRecordEntity {
  @Id
  public Long id;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(nullable = false)
  public String username;

  @Column(name = "user_groups", nullable = false)
  public String userGroups;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String question;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String request;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String retrieved;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String answer;

  @Column(nullable = false)
  public boolean refused;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String citations;

  @Column
  public String answerer;

  @Column(name = "prompt_version")
  public String promptVersion;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String latencies;

  /** Per-sentence verification (JSON), null in records made before it existed. */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String verification;

  /** Why the LLM answer fell back to the extractive one, or null. */
  @Column(name = "fallback_reason")
  public String fallbackReason;

  /** The hash scheme ({@link RecordHashes}): 1 in records written before scheme 2. */
  @Column(name = "hash_version", nullable = false)
  public int hashVersion;

  /** {@code answer}, or the administrative action this record is about. */
  @Column(nullable = false)
  public String action;

  /** What the administrative action did (JSON), or null. */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String details;

  /** SHA-256 of the content (scheme 2), or null. */
  @Column(name = "content_digest")
  public String contentDigest;

  @Column(name = "previous_hash", nullable = false)
  public String previousHash;

  @Column(name = "record_hash", nullable = false)
  public String recordHash;

  /** The record as the hash schemes see it. */
  public StoredRecord stored() {
    return new StoredRecord(id, createdAt.toInstant(), hashVersion, action, username, userGroups,
        question, request, retrieved, answer, refused, citations, answerer, promptVersion,
        latencies, verification, fallbackReason, details, contentDigest, previousHash,
        recordHash);
  }
}
