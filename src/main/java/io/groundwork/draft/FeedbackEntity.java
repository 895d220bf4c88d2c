package io.groundwork.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Feedback of one person on a draft or an answer. */
@Entity
@Table(name = "feedback")
public class FeedbackEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** {@code draft} or {@code answer}. */
  @Column(name = "target_kind", nullable = false)
  public String targetKind;

  /** The draft id, or the audit id of the answer. */
  @Column(name = "target_id", nullable = false)
  public String targetId;

  @Column(name = "user_name", nullable = false)
  public String userName;

  @Column(nullable = false)
  public String rating;

  @Column(nullable = false)
  public String comment;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "audit_id", nullable = false)
  public long auditId;
}
