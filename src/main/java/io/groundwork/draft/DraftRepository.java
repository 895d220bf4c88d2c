package io.groundwork.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Drafts and their asks in the active store's database. Each method is one transaction.
 * Thread-safe.
 */
@ApplicationScoped
public class DraftRepository {
  private final EntityManager em;
  private final ObjectMapper json;

  public DraftRepository(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /** Stores a new draft with its asks. */
  @Transactional
  public void insert(DraftEntity draft, List<DraftAskEntity> asks) {
    em.persist(draft);
    em.flush();
    asks.forEach(em::persist);
  }

  /** The draft with {@code id}, or null. */
  @Transactional
  public DraftEntity find(String id) {
    return em.find(DraftEntity.class, id);
  }

  /**
   * The draft with {@code id} locked for update until the transaction ends, or null: approvals
   * of one draft run one at a time.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public DraftEntity lock(String id) {
    return em.find(DraftEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The newest drafts of {@code author}, newest first. */
  @Transactional
  public List<DraftEntity> recentOf(String author, int limit) {
    return em.createQuery("from DraftEntity d where d.author = :author"
            + " order by d.createdAt desc, d.id", DraftEntity.class)
        .setParameter("author", author).setMaxResults(limit).getResultList();
  }

  /** Drafts of other agents that wait for a second approval, oldest first. */
  @Transactional
  public List<DraftEntity> awaitingSecondApproval(String notBy, int limit) {
    return em.createQuery("from DraftEntity d where d.status = :status"
            + " and d.firstApprover <> :user order by d.firstApprovedAt, d.id", DraftEntity.class)
        .setParameter("status", DraftStatus.AWAITING_SECOND_APPROVAL.value())
        .setParameter("user", notBy).setMaxResults(limit).getResultList();
  }

  /** The stored content of {@code draft}. */
  public DraftContent content(DraftEntity draft) {
    try {
      return json.readValue(draft.content, DraftContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("draft " + draft.id + " holds invalid content", e);
    }
  }

  /** {@code content} as stored. */
  public String toJson(Object content) {
    try {
      return json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write draft content", e);
    }
  }
}
