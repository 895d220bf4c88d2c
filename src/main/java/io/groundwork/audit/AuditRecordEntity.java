package io.groundwork.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored audit record; JSON columns hold the structured parts. */
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
  @Column(nullable = false)
  public String question;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  public String request;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  public String retrieved;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  public String answer;

  @Column(nullable = false)
  public boolean refused;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  public String citations;

  @Column(nullable = false)
  public String answerer;

  @Column(name = "prompt_version", nullable = false)
  public String promptVersion;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  public String latencies;

  /** Per-sentence verification (JSON), null in records made before it existed. */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String verification;

  /** Why the LLM answer fell back to the extractive one, or null. */
  @Column(name = "fallback_reason")
  public String fallbackReason;

  @Column(name = "previous_hash", nullable = false)
  public String previousHash;

  @Column(name = "record_hash", nullable = false)
  public String recordHash;
}
