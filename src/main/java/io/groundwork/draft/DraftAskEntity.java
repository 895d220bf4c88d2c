package io.groundwork.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One ask of a drafted ticket and whether the knowledge base covered it (content gaps). */
@Entity
@Table(name = "draft_asks")
public class DraftAskEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "draft_id", nullable = false)
  public String draftId;

  @Column(nullable = false)
  public int ordinal;

  @Column(nullable = false)
  public String text;

  /** The ask's content terms, sorted: asks worded alike count as one gap. */
  @Column(nullable = false)
  public String topic;

  @Column(nullable = false)
  public boolean covered;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
