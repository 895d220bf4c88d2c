package io.groundwork.conversation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations in the active store's database. Every read and change names the owner: a
 * conversation of someone else is treated as absent, so nobody can tell whether an id exists.
 * Thread-safe.
 */
@ApplicationScoped
public class ConversationStore {
  /** Longest stored title, in characters (the first question, shortened). */
  static final int TITLE_CHARS = 120;

  private final EntityManager em;

  public ConversationStore(EntityManager em) {
    this.em = em;
  }

  /** A conversation with its turns, oldest first. */
  public record Stored(ConversationEntity conversation, List<ConversationTurnEntity> turns) {
    /** The turns as query rewriting sees them. */
    public List<Turn> history() {
      return turns.stream().map(t -> new Turn(t.question, t.searchQuery, t.answer)).toList();
    }
  }

  /** Starts a conversation for {@code owner} titled by its first question. */
  @Transactional
  public ConversationEntity start(String owner, String firstQuestion) {
    ConversationEntity conversation = new ConversationEntity();
    conversation.id = UUID.randomUUID().toString();
    conversation.owner = owner;
    String title = firstQuestion.strip().replaceAll("\\s+", " ");
    conversation.title = title.length() > TITLE_CHARS
        ? title.substring(0, TITLE_CHARS - 1) + "\u2026" : title;
    conversation.createdAt = now();
    conversation.updatedAt = conversation.createdAt;
    em.persist(conversation);
    return conversation;
  }

  /** The owner's conversation {@code id} with its turns, if it exists. */
  @Transactional
  public Optional<Stored> find(String owner, String id) {
    ConversationEntity conversation = id == null ? null : em.find(ConversationEntity.class, id);
    if (conversation == null || !conversation.owner.equals(owner)) {
      return Optional.empty();
    }
    List<ConversationTurnEntity> turns = em.createQuery(
            "from ConversationTurnEntity t where t.conversationId = :id order by t.seq",
            ConversationTurnEntity.class)
        .setParameter("id", id).getResultList();
    return Optional.of(new Stored(conversation, turns));
  }

  /** Adds a turn at the end of the owner's conversation. */
  @Transactional
  public void append(String owner, String id, ConversationTurnEntity turn) {
    ConversationEntity conversation = em.find(ConversationEntity.class, id);
    if (conversation == null || !conversation.owner.equals(owner)) {
      throw new IllegalStateException("conversation " + id + " of " + owner + " does not exist");
    }
    Integer last = em.createQuery(
            "select max(t.seq) from ConversationTurnEntity t where t.conversationId = :id",
            Integer.class)
        .setParameter("id", id).getSingleResult();
    turn.conversationId = id;
    turn.seq = last == null ? 1 : last + 1;
    turn.createdAt = now();
    em.persist(turn);
    conversation.updatedAt = turn.createdAt;
  }

  /** The owner's conversations, most recently continued first. */
  @Transactional
  public List<ConversationEntity> list(String owner, int max, int offset) {
    return em.createQuery("from ConversationEntity c where c.owner = :owner"
            + " order by c.updatedAt desc, c.id", ConversationEntity.class)
        .setParameter("owner", owner).setFirstResult(offset).setMaxResults(max).getResultList();
  }

  /** Deletes the owner's conversation and its turns; false when there is none. */
  @Transactional
  public boolean delete(String owner, String id) {
    ConversationEntity conversation = em.find(ConversationEntity.class, id);
    if (conversation == null || !conversation.owner.equals(owner)) {
      return false;
    }
    em.createQuery("delete from ConversationTurnEntity t where t.conversationId = :id")
        .setParameter("id", id).executeUpdate();
    em.remove(conversation);
    return true;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
