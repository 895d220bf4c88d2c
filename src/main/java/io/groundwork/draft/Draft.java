package io.groundwork.draft;

import io.groundwork.answer.Citation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A drafted reply as the API shows it.
 *
 * @param id the draft's id
 * @param author the agent who drafted it
 * @param createdAt when
 * @param status {@code draft}, {@code awaiting-second-approval} or {@code approved}
 * @param ticket the ticket
 * @param text the reply, with citation markers {@code [n]}
 * @param sentences its sentences with their citations and support
 * @param asks the ticket's asks, covered or not
 * @param citations the citations, as in {@code /api/ask}
 * @param answerer which answerer wrote the answers
 * @param promptVersion version of the templates and prompts
 * @param auditId the audit record of the draft
 * @param latenciesMs stage durations
 * @param approval who approved it and the final text, or null while not approved
 */
public record Draft(String id, String author, OffsetDateTime createdAt, String status,
    TicketView ticket, String text, List<DraftSentence> sentences, List<DraftAsk> asks,
    List<Citation> citations, String answerer, String promptVersion, long auditId,
    Map<String, Double> latenciesMs, Approval approval) {

  /** The ticket as stored. */
  public record TicketView(String subject, String body, String customerName,
      String customerPlan, String tone) {}

  /**
   * The approval state.
   *
   * @param firstApprover who approved first (four eyes), or the approver
   * @param firstApprovedAt when
   * @param approvedBy who made it count as sent, or null while a second approval is awaited
   * @param approvedAt when
   * @param finalText the text approved
   * @param auditId the audit record of the last approval step
   */
  public record Approval(String firstApprover, OffsetDateTime firstApprovedAt, String approvedBy,
      OffsetDateTime approvedAt, String finalText, Long auditId) {}
}
