package io.groundwork.web;

import io.groundwork.admission.AdmissionControl;
import io.groundwork.admission.PermitPool;
import io.groundwork.draft.Draft;
import io.groundwork.draft.DraftApprovals;
import io.groundwork.draft.DraftEntity;
import io.groundwork.draft.DraftRepository;
import io.groundwork.draft.Drafting;
import io.groundwork.draft.FeedbackService;
import io.groundwork.draft.Ticket;
import io.groundwork.security.Caller;
import io.groundwork.security.CallerResolver;
import io.groundwork.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/drafts}: support agents turn a customer ticket into a cited reply drafted from
 * customer-safe documents, edit it and approve it; nothing counts as sent before approval. An
 * agent sees their own drafts, and other agents' drafts that wait for a second approval.
 */
@Path("/api/drafts")
@RolesAllowed(Roles.AGENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DraftsResource {
  private static final int RECENT = 20;

  private final Drafting drafting;
  private final DraftApprovals approvals;
  private final DraftRepository drafts;
  private final FeedbackService feedback;
  private final CallerResolver callers;
  private final SecurityIdentity identity;
  private final PermitPool admission;

  public DraftsResource(Drafting drafting, DraftApprovals approvals, DraftRepository drafts,
      FeedbackService feedback, CallerResolver callers, SecurityIdentity identity,
      AdmissionControl admission) {
    // Drafting and answering embed and score on the same cores: they share one pool.
    this.admission = admission.pool(AdmissionControl.ANSWER);
    this.drafting = drafting;
    this.approvals = approvals;
    this.drafts = drafts;
    this.feedback = feedback;
    this.callers = callers;
    this.identity = identity;
  }

  /** The customer of a ticket. */
  public record CustomerBody(String name, String plan) {}

  /** A ticket. */
  public record TicketBody(String subject, String body, CustomerBody customer, String tone) {}

  /** The final text an agent approves. */
  public record ApproveBody(String finalText) {}

  /** The outcome of an approval. */
  public record ApproveResponse(long auditId, String status, Draft draft) {}

  /** Feedback on a draft or an answer. */
  public record FeedbackBody(String rating, String comment) {}

  /** The audit record of a piece of feedback. */
  public record FeedbackResponse(long auditId) {}

  /** A draft in the list. */
  public record DraftSummary(String id, String author, OffsetDateTime createdAt, String subject,
      String status, int asks, int uncovered) {}

  /** The caller's recent drafts and the drafts waiting for their second approval. */
  public record DraftList(List<DraftSummary> recent, List<DraftSummary> awaitingYourApproval) {}

  @POST
  @Operation(summary = "Draft a cited reply to a customer ticket from customer-safe documents")
  public Draft create(TicketBody body) {
    Ticket ticket = ticket(body);
    Caller agent = callers.caller(identity);
    // A draft takes one turn of the answering pool; beyond its queue, 429 before any work.
    try (PermitPool.Permit turn = admission.acquire()) {
      return drafting.draft(agent, ticket);
    }
  }

  @GET
  @Operation(summary = "The caller's recent drafts, and other agents' drafts awaiting approval")
  public DraftList list() {
    String user = callers.caller(identity).name();
    return new DraftList(drafts.recentOf(user, RECENT).stream().map(this::summary).toList(),
        drafts.awaitingSecondApproval(user, RECENT).stream().map(this::summary).toList());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One draft with its ticket, sentences, asks, citations and approval")
  public Draft get(@PathParam("id") String id) {
    DraftEntity draft = drafts.find(id);
    if (draft == null || !DraftApprovals.visibleTo(draft, callers.caller(identity).name())) {
      throw new NotFoundProblem("no draft " + id);
    }
    return drafting.view(draft);
  }

  @POST
  @Path("{id}/approve")
  @Operation(summary = "Approve a draft with its final text (the second approval with four eyes)")
  public ApproveResponse approve(@PathParam("id") String id, ApproveBody body) {
    if (body == null) {
      throw new IllegalArgumentException("request body must be JSON with a 'finalText'");
    }
    try {
      DraftApprovals.Result result = approvals.approve(callers.caller(identity), id,
          body.finalText());
      return new ApproveResponse(result.auditId(), result.status(), result.draft());
    } catch (DraftApprovals.UnknownDraftException e) {
      throw new NotFoundProblem(e.getMessage());
    } catch (DraftApprovals.ConflictException e) {
      throw new ClientErrorException(e.getMessage(), 409);
    }
  }

  @POST
  @Path("{id}/feedback")
  @Operation(summary = "Feedback on a draft: helpful, wrong-source, missing-information, outdated")
  public FeedbackResponse feedback(@PathParam("id") String id, FeedbackBody body) {
    if (body == null) {
      throw new IllegalArgumentException("request body must be JSON with a 'rating'");
    }
    try {
      return new FeedbackResponse(feedback.onDraft(callers.caller(identity), id, body.rating(),
          body.comment()));
    } catch (FeedbackService.UnknownTargetException e) {
      throw new NotFoundProblem(e.getMessage());
    }
  }

  private DraftSummary summary(DraftEntity entity) {
    Draft draft = drafting.view(entity);
    return new DraftSummary(draft.id(), draft.author(), draft.createdAt(),
        draft.ticket().subject(), draft.status(), draft.asks().size(),
        (int) draft.asks().stream().filter(a -> !a.covered()).count());
  }

  private static Ticket ticket(TicketBody body) {
    if (body == null) {
      throw new IllegalArgumentException("request body must be JSON with a 'body'");
    }
    CustomerBody customer = body.customer();
    return new Ticket(body.subject(), body.body(), customer == null ? null : customer.name(),
        customer == null ? null : customer.plan(), Ticket.Tone.parse(body.tone()));
  }
}
