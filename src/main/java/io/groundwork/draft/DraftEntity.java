package io.groundwork.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored draft: the ticket, the draft as made, its approval state and the final text. */
@Entity
@Table(name = "drafts")
public class DraftEntity {
  @Id
  public String id;

  @Column(nullable = false)
  public String author;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(nullable = false)
  public String subject;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  public String body;

  @Column(name = "customer_name")
  public String customerName;

  @Column(name = "customer_plan")
  public String customerPlan;

  @Column(nullable = false)
  public String tone;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "draft_text", nullable = false)
  public String draftText;

  /** The draft's sentences, asks, citations and how it was made, as JSON. */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  public String content;

  @Column(nullable = false)
  public String status;

  @Column(name = "audit_id", nullable = false)
  public long auditId;

  @Column(name = "first_approver")
  public String firstApprover;

  @Column(name = "first_approved_at")
  public OffsetDateTime firstApprovedAt;

  @Column(name = "first_approval_audit_id")
  public Long firstApprovalAuditId;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "final_text")
  public String finalText;

  @Column(name = "approved_by")
  public String approvedBy;

  @Column(name = "approved_at")
  public OffsetDateTime approvedAt;

  @Column(name = "approval_audit_id")
  public Long approvalAuditId;
}
