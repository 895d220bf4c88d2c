package io.groundwork.web;

import io.groundwork.answer.Citation;
import io.groundwork.qa.AskRequest;
import io.groundwork.qa.AskResult;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/ask}: a grounded answer with citations, recorded in the audit trail. */
@Path("/api/ask")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AskResource {
  private final QuestionAnswering qa;
  private final CallerResolver callers;
  private final SecurityIdentity identity;

  public AskResource(QuestionAnswering qa, CallerResolver callers, SecurityIdentity identity) {
    this.qa = qa;
    this.callers = callers;
    this.identity = identity;
  }

  /** The request body. */
  public record AskBody(String question, Integer topK, Set<String> sources, Set<String> documentIds) {}

  /** The response body. */
  public record AskResponse(
      long auditId, String answer, boolean refused, List<Citation> citations, String answerer,
      String promptVersion, List<SearchResource.Hit> retrieved, Map<String, Double> latenciesMs) {}

  @POST
  @Operation(summary = "Answer a question from the documents the caller may read, with citations")
  public AskResponse ask(AskBody body) {
    if (body == null) {
      throw new IllegalArgumentException("request body must be JSON with a 'question'");
    }
    AskResult result = qa.ask(callers.caller(identity),
        new AskRequest(body.question(), body.topK(), body.sources(), body.documentIds()));
    return new AskResponse(result.auditId(), result.answer().text(), result.answer().refused(),
        result.answer().citations(), result.answer().answerer(), result.answer().promptVersion(),
        SearchResource.hits(result.retrieved()), result.latenciesMillis());
  }
}
