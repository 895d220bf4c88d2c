package io.groundwork.draft;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the knowledge base falls short, for administrators: the asks of tickets that drafts
 * most often could not cover (asks worded alike, i.e. with the same content terms, count
 * together), and the documents most often cited by a draft or answer that someone flagged as
 * the wrong source or outdated. Thread-safe.
 */
@ApplicationScoped
public class ContentGaps {
  private final EntityManager em;

  public ContentGaps(EntityManager em) {
    this.em = em;
  }

  /** An ask not covered, how often, and when last. */
  public record UncoveredAsk(String text, long count, OffsetDateTime lastSeen) {}

  /** A flagged document, how often for each reason, and the latest comment. */
  public record FlaggedDocument(String documentId, String path, String title, long count,
      long wrongSource, long outdated, String lastComment) {}

  /** Both lists. */
  public record Report(List<UncoveredAsk> uncoveredAsks, List<FlaggedDocument> flaggedDocuments) {}

  @Transactional
  public Report report(int limit) {
    List<UncoveredAsk> asks = em.createQuery("select a.topic, count(a), max(a.createdAt), max(a.text)"
            + " from DraftAskEntity a where a.covered = false group by a.topic"
            + " order by count(a) desc, max(a.createdAt) desc, a.topic", Object[].class)
        .setMaxResults(limit).getResultList().stream()
        .map(r -> new UncoveredAsk((String) r[3], (Long) r[1], (OffsetDateTime) r[2])).toList();
    List<FlaggedDocument> documents = em.createQuery("select d.documentId, max(d.path),"
            + " max(d.title), count(f),"
            + " sum(case when f.rating = 'wrong-source' then 1 else 0 end),"
            + " sum(case when f.rating = 'outdated' then 1 else 0 end), max(f.id)"
            + " from FeedbackDocumentEntity d, FeedbackEntity f where f.id = d.feedbackId"
            + " and f.rating in ('wrong-source', 'outdated') group by d.documentId"
            + " order by count(f) desc, max(f.id) desc, d.documentId", Object[].class)
        .setMaxResults(limit).getResultList().stream()
        .map(r -> new FlaggedDocument((String) r[0], (String) r[1], (String) r[2], (Long) r[3],
            ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
            em.find(FeedbackEntity.class, r[6]).comment))
        .toList();
    return new Report(asks, documents);
  }
}
