package io.groundwork.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.answer.Citation;
import io.groundwork.audit.AuditRecordEntity;
import io.groundwork.audit.AuditTrail;
import io.groundwork.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feedback on drafts (by their author) and on answers (by whoever asked): a rating and a
 * comment, stored with the documents the draft or answer cited and recorded in the audit trail
 * ({@code feedback.given}). The audit record is committed first, then the feedback rows.
 * Thread-safe.
 */
@ApplicationScoped
public class FeedbackService {
  public static final String GIVEN = "feedback.given";
  public static final int MAX_COMMENT = 4000;

  private final EntityManager em;
  private final DraftRepository drafts;
  private final AuditTrail audit;
  private final ObjectMapper json;

  public FeedbackService(EntityManager em, DraftRepository drafts, AuditTrail audit,
      ObjectMapper json) {
    this.em = em;
    this.drafts = drafts;
    this.audit = audit;
    this.json = json;
  }

  /** Thrown when the draft or answer does not exist or is not the caller's; a 404. */
  public static final class UnknownTargetException extends RuntimeException {
    public UnknownTargetException(String message) {
      super(message);
    }
  }

  /** Feedback on the caller's draft {@code draftId}; returns the audit id. */
  @Transactional
  public long onDraft(Caller caller, String draftId, String rating, String comment) {
    FeedbackRating parsed = FeedbackRating.parse(rating);
    String text = comment(comment);
    DraftEntity draft = drafts.find(draftId);
    if (draft == null || !DraftApprovals.visibleTo(draft, caller.name())) {
      throw new UnknownTargetException("no draft " + draftId);
    }
    return store(caller, "draft", draftId, parsed, text, drafts.content(draft).citations());
  }

  /** Feedback on the answer recorded as audit record {@code auditId}, asked by the caller. */
  @Transactional
  public long onAnswer(Caller caller, long auditId, String rating, String comment) {
    FeedbackRating parsed = FeedbackRating.parse(rating);
    String text = comment(comment);
    AuditRecordEntity record = em.find(AuditRecordEntity.class, auditId);
    if (record == null || !AuditTrail.ANSWER.equals(record.action)
        || !caller.name().equals(record.username)) {
      throw new UnknownTargetException("no answer " + auditId);
    }
    List<Citation> citations;
    try {
      citations = record.citations == null ? List.of()
          : json.readValue(record.citations, new TypeReference<List<Citation>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit record " + auditId + " holds invalid citations", e);
    }
    return store(caller, "answer", Long.toString(auditId), parsed, text, citations);
  }

  private long store(Caller caller, String kind, String id, FeedbackRating rating, String comment,
      List<Citation> citations) {
    Map<String, Citation> documents = new LinkedHashMap<>();
    citations.forEach(c -> documents.putIfAbsent(c.documentId(), c));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("target", kind);
    details.put("id", id);
    details.put("rating", rating.value());
    details.put("comment", comment);
    details.put("documents", documents.values().stream().map(Citation::path).toList());
    long auditId = audit.recordAction(caller.name(), GIVEN, details);
    FeedbackEntity feedback = new FeedbackEntity();
    feedback.targetKind = kind;
    feedback.targetId = id;
    feedback.userName = caller.name();
    feedback.rating = rating.value();
    feedback.comment = comment;
    feedback.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    feedback.auditId = auditId;
    em.persist(feedback);
    em.flush();
    for (Citation cited : documents.values()) {
      FeedbackDocumentEntity document = new FeedbackDocumentEntity();
      document.feedbackId = feedback.id;
      document.documentId = cited.documentId();
      document.path = cited.path();
      document.title = cited.title();
      em.persist(document);
    }
    return auditId;
  }

  private static String comment(String comment) {
    String text = comment == null ? "" : comment.strip();
    if (text.length() > MAX_COMMENT) {
      throw new IllegalArgumentException("comment must be at most " + MAX_COMMENT
          + " characters, got " + text.length());
    }
    return text;
  }
}
