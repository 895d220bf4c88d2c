package io.groundwork.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.conversation.ConversationEntity;
import io.groundwork.conversation.ConversationStore;
import io.groundwork.conversation.ConversationTurnEntity;
import io.groundwork.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/conversations}: the caller's own conversations. Private to their owner: another
 * person's conversation is a 404 like one that does not exist (auditors reach the turns only as
 * audit records). Deleting a conversation removes it from the owner's history; the audit records
 * of its turns stay, under the trail's retention and legal holds.
 */
@Path("/api/conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {
  private final ConversationStore store;
  private final CallerResolver callers;
  private final SecurityIdentity identity;
  private final ObjectMapper json;

  public ConversationResource(ConversationStore store, CallerResolver callers,
      SecurityIdentity identity, ObjectMapper json) {
    this.store = store;
    this.callers = callers;
    this.identity = identity;
    this.json = json;
  }

  /** A conversation in the caller's list. */
  public record ConversationSummary(String id, String title, OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** One turn: the question as asked, what was searched, the answer and its citations. */
  public record TurnView(int seq, String question, String searchQuery, String answer,
      boolean refused, JsonNode citations, long auditId, OffsetDateTime createdAt) {}

  /** A conversation with its turns, oldest first. */
  public record ConversationView(ConversationSummary conversation, List<TurnView> turns) {}

  @GET
  @Operation(summary = "The caller's conversations, most recently continued first")
  public List<ConversationSummary> list(@QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    int max = QueryParams.integer("limit", limit, 50, 1, 200);
    int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
    return store.list(owner(), max, first).stream().map(ConversationResource::summary).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One of the caller's conversations with its turns")
  public ConversationView get(@PathParam("id") String id) {
    ConversationStore.Stored stored = store.find(owner(), id)
        .orElseThrow(() -> new NotFoundProblem("no conversation " + id));
    return new ConversationView(summary(stored.conversation()),
        stored.turns().stream().map(this::turn).toList());
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete one of the caller's conversations from their history (its audit"
      + " records stay)")
  public Response delete(@PathParam("id") String id) {
    if (!store.delete(owner(), id)) {
      throw new NotFoundProblem("no conversation " + id);
    }
    return Response.noContent().build();
  }

  private String owner() {
    return callers.caller(identity).name();
  }

  private static ConversationSummary summary(ConversationEntity c) {
    return new ConversationSummary(c.id, c.title, c.createdAt, c.updatedAt);
  }

  private TurnView turn(ConversationTurnEntity t) {
    JsonNode citations;
    try {
      citations = json.readTree(t.citations);
    } catch (IOException e) {
      throw new IllegalStateException("conversation turn holds invalid JSON", e);
    }
    return new TurnView(t.seq, t.question, t.searchQuery, t.answer, t.refused, citations,
        t.auditId, t.createdAt);
  }
}
