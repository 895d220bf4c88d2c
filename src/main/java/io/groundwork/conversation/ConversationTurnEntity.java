package io.groundwork.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One turn of a conversation: the question as asked, the query that was searched, the answer
 * with its citations (JSON) and the id of the turn's audit record.
 */
@Entity
@Table(name = "conversation_turns")
@IdClass(ConversationTurnEntity.Key.class)
public class ConversationTurnEntity {
  /** The primary key: conversation and position in it (from 1). */
  public record Key(String conversationId, int seq) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }

  @Id
  @Column(name = "conversation_id")
  public String conversationId;

  @Id
  public int seq;

  @Column(nullable = false)
  public String question;

  @Column(name = "search_query", nullable = false)
  public String searchQuery;

  @Column(nullable = false)
  public String answer;

  @Column(nullable = false)
  public boolean refused;

  @Column(nullable = false)
  public String citations;

  @Column(name = "audit_id", nullable = false)
  public long auditId;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
