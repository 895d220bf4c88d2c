package io.groundwork.audit;

import io.groundwork.answer.Answer;
import io.groundwork.security.Caller;
import io.groundwork.verify.Verification;
import java.util.List;
import java.util.Map;

/**
 * What an audit record says about one question.
 *
 * @param caller who asked
 * @param question the question
 * @param request the request's parameters (top-k, filters)
 * @param retrieved the retrieved chunks with their scores, in rank order
 * @param answer the answer returned, with citations, answerer and prompt version
 * @param latenciesMillis duration of each stage, by stage name
 * @param verification the per-sentence verification of the answer, or null when not verified
 */
public record AuditEntry(
    Caller caller, String question, Map<String, Object> request, List<RetrievedRef> retrieved,
    Answer answer, Map<String, Double> latenciesMillis, Verification verification) {

  /** An entry without verification. */
  public AuditEntry(Caller caller, String question, Map<String, Object> request,
      List<RetrievedRef> retrieved, Answer answer, Map<String, Double> latenciesMillis) {
    this(caller, question, request, retrieved, answer, latenciesMillis, null);
  }

  /** A retrieved chunk as the audit trail records it. */
  public record RetrievedRef(
      String chunkId, String documentId, String path, double score, int textRank, int vectorRank) {}
}
