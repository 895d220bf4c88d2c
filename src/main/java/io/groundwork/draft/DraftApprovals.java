package io.groundwork.draft;

import io.groundwork.answer.Citation;
import io.groundwork.audit.AuditTrail;
import io.groundwork.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The approval gate: a draft counts as sent only once approved with its final text. Without four
 * eyes its author approves it ({@code draft.approved}); with four eyes
 * ({@code groundwork.drafting.four-eyes}) the author's approval is the first
 * ({@code draft.first-approval}) and another agent must approve the same text. Each step is an
 * audit record, committed in the same transaction as the draft's new state, holding the
 * approver, the time, the final text, its sentence diff from the draft and which cited
 * sentences of the draft survived. Thread-safe; approvals of one draft run one at a time.
 */
@ApplicationScoped
public class DraftApprovals {
  public static final String APPROVED = "draft.approved";
  public static final String FIRST_APPROVAL = "draft.first-approval";
  /** The longest final text accepted. */
  public static final int MAX_FINAL_TEXT = 20000;

  private final DraftRepository drafts;
  private final Drafting drafting;
  private final AuditTrail audit;
  private final DraftingConfig config;

  public DraftApprovals(DraftRepository drafts, Drafting drafting, AuditTrail audit,
      DraftingConfig config) {
    this.drafts = drafts;
    this.drafting = drafting;
    this.audit = audit;
    this.config = config;
  }

  /** The outcome of an approval. */
  public record Result(long auditId, String status, Draft draft) {}

  /** A cited sentence of the draft and whether the final text still holds it. */
  public record SurvivingSentence(String text, List<String> cites, boolean survived) {}

  /** Thrown when the draft's state does not allow the approval; a 409 for the API. */
  public static final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
      super(message);
    }
  }

  /** Thrown when the draft does not exist or the approver may not see it; a 404. */
  public static final class UnknownDraftException extends RuntimeException {
    public UnknownDraftException(String id) {
      super("no draft " + id);
    }
  }

  /**
   * Approves draft {@code id} with {@code finalText} as {@code approver}.
   *
   * @throws IllegalArgumentException when the final text is blank or too long
   * @throws UnknownDraftException when there is no such draft, or it is another agent's and does
   *     not wait for a second approval
   * @throws ConflictException when it is already approved, when the first approver approves
   *     again, or when the second approver's text differs from the first approver's
   */
  @Transactional
  public Result approve(Caller approver, String id, String finalText) {
    if (finalText == null || finalText.isBlank()) {
      throw new IllegalArgumentException("finalText must not be blank");
    }
    if (finalText.length() > MAX_FINAL_TEXT) {
      throw new IllegalArgumentException("finalText must be at most " + MAX_FINAL_TEXT
          + " characters, got " + finalText.length());
    }
    String text = finalText.strip();
    DraftEntity draft = drafts.lock(id);
    if (draft == null || !visibleTo(draft, approver.name())) {
      throw new UnknownDraftException(id);
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    DraftStatus status = status(draft);
    if (status == DraftStatus.APPROVED) {
      throw new ConflictException("draft " + id + " was already approved by " + draft.approvedBy);
    }
    if (status == DraftStatus.AWAITING_SECOND_APPROVAL) {
      if (draft.firstApprover.equals(approver.name())) {
        throw new ConflictException("draft " + id + " needs a second approver other than "
            + draft.firstApprover);
      }
      if (!normalized(text).equals(normalized(draft.finalText))) {
        throw new ConflictException("the text differs from the one " + draft.firstApprover
            + " approved; approve that text as it is, or ask them to change it");
      }
      long auditId = audit.recordAction(approver.name(), APPROVED,
          details(draft, approver, now, draft.finalText, "second"));
      draft.approvedBy = approver.name();
      draft.approvedAt = now;
      draft.approvalAuditId = auditId;
      draft.status = DraftStatus.APPROVED.value();
      return new Result(auditId, draft.status, drafting.view(draft));
    }
    boolean fourEyes = config.fourEyes();
    long auditId = audit.recordAction(approver.name(), fourEyes ? FIRST_APPROVAL : APPROVED,
        details(draft, approver, now, text, fourEyes ? "first" : "only"));
    draft.firstApprover = approver.name();
    draft.firstApprovedAt = now;
    draft.firstApprovalAuditId = auditId;
    draft.finalText = text;
    if (fourEyes) {
      draft.status = DraftStatus.AWAITING_SECOND_APPROVAL.value();
    } else {
      draft.approvedBy = approver.name();
      draft.approvedAt = now;
      draft.approvalAuditId = auditId;
      draft.status = DraftStatus.APPROVED.value();
    }
    return new Result(auditId, draft.status, drafting.view(draft));
  }

  /**
   * Whether {@code user} may see {@code draft}: its author always; another agent while it waits
   * for a second approval.
   */
  public static boolean visibleTo(DraftEntity draft, String user) {
    return draft.author.equals(user)
        || DraftStatus.AWAITING_SECOND_APPROVAL.value().equals(draft.status);
  }

  private static DraftStatus status(DraftEntity draft) {
    for (DraftStatus status : DraftStatus.values()) {
      if (status.value().equals(draft.status)) {
        return status;
      }
    }
    throw new IllegalStateException("draft " + draft.id + " has unknown status " + draft.status);
  }

  private Map<String, Object> details(DraftEntity draft, Caller approver, OffsetDateTime now,
      String finalText, String step) {
    DraftContent content = drafts.content(draft);
    List<SurvivingSentence> cited = surviving(content, finalText);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("draftId", draft.id);
    details.put("draftAuditId", draft.auditId);
    details.put("author", draft.author);
    details.put("approver", approver.name());
    details.put("approvedAt", now.toString());
    details.put("step", step);
    if (draft.firstApprover != null) {
      details.put("firstApprover", draft.firstApprover);
    }
    details.put("finalText", finalText);
    List<String> diff = TextDiff.sentences(draft.draftText, finalText);
    details.put("edited", TextDiff.changed(diff));
    details.put("diff", diff);
    details.put("citedSentences", cited);
    details.put("citedSentencesSurvived", cited.stream().filter(SurvivingSentence::survived)
        .count());
    details.put("citedSentencesTotal", cited.size());
    return details;
  }

  /** The cited sentences of the draft, each marked whether {@code finalText} still holds it. */
  static List<SurvivingSentence> surviving(DraftContent content, String finalText) {
    String text = normalized(finalText);
    Map<Integer, Citation> byNumber = content.citations().stream()
        .collect(Collectors.toMap(Citation::number, c -> c));
    List<SurvivingSentence> result = new ArrayList<>();
    for (DraftSentence sentence : content.sentences()) {
      if (!sentence.kind().equals(DraftSentence.ANSWER) || sentence.citations().isEmpty()) {
        continue;
      }
      List<String> cites = sentence.citations().stream().map(byNumber::get)
          .map(c -> c.path() + " [" + c.start() + "-" + c.end() + "]").toList();
      result.add(new SurvivingSentence(sentence.text(), cites,
          text.contains(normalized(sentence.text()))));
    }
    return result;
  }

  /** Text without citation markers and with single spaces, lower case. */
  static String normalized(String text) {
    return text.replaceAll("\\[(?:\\d+(?:\\s*,\\s*\\d+)*|unverified)\\]", " ")
        .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
