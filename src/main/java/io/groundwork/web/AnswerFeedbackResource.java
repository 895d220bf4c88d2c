package io.groundwork.web;

import io.groundwork.draft.FeedbackService;
import io.groundwork.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/answers/{auditId}/feedback}: whoever asked a question rates its answer
 * (helpful, wrong-source, missing-information, outdated) with a comment; stored and audited.
 */
@Path("/api/answers/{auditId}/feedback")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnswerFeedbackResource {
  private final FeedbackService feedback;
  private final CallerResolver callers;
  private final SecurityIdentity identity;

  public AnswerFeedbackResource(FeedbackService feedback, CallerResolver callers,
      SecurityIdentity identity) {
    this.feedback = feedback;
    this.callers = callers;
    this.identity = identity;
  }

  @POST
  @Operation(summary = "Feedback on one of the caller's answers, by its audit id")
  public DraftsResource.FeedbackResponse give(@PathParam("auditId") String auditId,
      DraftsResource.FeedbackBody body) {
    long id;
    try {
      id = Long.parseLong(auditId);
    } catch (NumberFormatException e) {
      throw new NotFoundProblem("no answer " + auditId);
    }
    if (body == null) {
      throw new IllegalArgumentException("request body must be JSON with a 'rating'");
    }
    try {
      return new DraftsResource.FeedbackResponse(
          feedback.onAnswer(callers.caller(identity), id, body.rating(), body.comment()));
    } catch (FeedbackService.UnknownTargetException e) {
      throw new NotFoundProblem(e.getMessage());
    }
  }
}
