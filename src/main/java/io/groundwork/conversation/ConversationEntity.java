package io.groundwork.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A conversation: its owner, a title (its first question) and when it last changed. */
@Entity
@Table(name = "conversations")
public class ConversationEntity {
  @Id
  public String id;

  @Column(nullable = false)
  public String owner;

  @Column(nullable = false)
  public String title;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
