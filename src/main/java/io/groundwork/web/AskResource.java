package io.groundwork.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.admission.AdmissionControl;
import io.groundwork.admission.PermitPool;
import io.groundwork.answer.AnswerListener;
import io.groundwork.answer.Citation;
import io.groundwork.conversation.ConversationStore;
import io.groundwork.conversation.ConversationalAnswering;
import io.groundwork.ingest.IngestionProgress;
import io.groundwork.ingest.IngestionService;
import io.groundwork.qa.AskRequest;
import io.groundwork.qa.AskResult;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.security.Caller;
import io.groundwork.security.CallerResolver;
import io.groundwork.verify.Verification;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/ask}: a grounded answer with citations and per-sentence verification,
 * recorded in the audit trail. With {@code Accept: text/event-stream} the answer streams as
 * Server-Sent Events: {@code token} events while the model generates, {@code notice} events
 * (e.g. a fallback), then one {@code answer} event with the verified answer, citations,
 * verification and audit id (the audit record is stored before it is sent), or an {@code error}
 * event. Answers take a turn of the admission pool {@code answer}: beyond its queue a request
 * is refused with 429 and {@code Retry-After} before any work is done.
 */
@Path("/api/ask")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AskResource {
  private static final Logger LOG = Logger.getLogger(AskResource.class);

  private final ConversationalAnswering conversations;
  private final ConversationStore store;
  private final CallerResolver callers;
  private final SecurityIdentity identity;
  private final ObjectMapper json;
  private final ManagedExecutor executor;
  private final IngestionService ingestion;
  private final PermitPool answering;

  public AskResource(ConversationalAnswering conversations, ConversationStore store,
      CallerResolver callers, SecurityIdentity identity, ObjectMapper json,
      ManagedExecutor executor, IngestionService ingestion, AdmissionControl admission) {
    this.answering = admission.pool(AdmissionControl.ANSWER);
    this.conversations = conversations;
    this.store = store;
    this.callers = callers;
    this.identity = identity;
    this.json = json;
    this.executor = executor;
    this.ingestion = ingestion;
  }

  /**
   * The request body. Without {@code conversationId} the question starts a new conversation of
   * the caller's; with it, the question is a follow-up in that conversation, searched as a
   * standalone query made from the earlier turns.
   */
  public record AskBody(String question, Integer topK, Set<String> sources, Set<String> documentIds,
      String conversationId) {}

  /**
   * The response body (and the data of the final {@code answer} event of a stream).
   *
   * @param notice a message about how the answer was made (e.g. the LLM fell back), or null
   * @param verification every sentence of the generated answer with its citations, support
   *     score and verdict
   * @param indexing while an ingestion run is in progress, how far it is (the answer may miss
   *     documents not indexed yet); null when the knowledge base is not being indexed
   * @param closestPassages with a refusal, the passages that came closest to answering: shown
   *     to the reader as "not an answer", to judge for themselves; empty otherwise
   * @param warnings what the reader must know about the sources: a cited passage asks for
   *     credentials at a link, or a source addresses an AI assistant; empty when there is nothing to say
   * @param conversationId the conversation this question is a turn of (send it with a
   *     follow-up)
   * @param searchQuery what was searched: the question, or its standalone form in a conversation
   */
  public record AskResponse(
      long auditId, String answer, boolean refused, List<Citation> citations, String answerer,
      String promptVersion, List<SearchResource.Hit> retrieved, Map<String, Double> latenciesMs,
      String notice, Verification verification, IngestionProgress indexing,
      List<Citation> closestPassages, List<String> warnings, String conversationId,
      String searchQuery) {}

  /** Data of a {@code token} event. */
  public record TokenEvent(String text) {}

  /** Data of a {@code notice} event. */
  public record NoticeEvent(String message) {}

  @POST
  @Operation(summary = "Answer a question from the documents the caller may read, with citations",
      description = "With Accept: text/event-stream the answer streams as Server-Sent Events: "
          + "'token' events while a language model generates, 'notice' events, then one 'answer'"
          + " event holding this response (or an 'error' event).")
  public AskResponse ask(AskBody body) {
    QuestionAnswering.validate(request(body)); // a bad request is a 400 without taking a turn
    Caller caller = callers.caller(identity);
    ConversationStore.Stored conversation = conversation(caller, body);
    try (PermitPool.Permit turn = answering.acquire()) {
      return response(answer(caller, body, conversation, AnswerListener.NONE));
    }
  }

  @POST
  @Blocking
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "The same answer, streamed as Server-Sent Events (token, notice, answer)")
  public void stream(AskBody body, @Context SseEventSink sink, @Context Sse sse) {
    // A bad request or an unknown conversation is an error status, before the stream starts.
    QuestionAnswering.validate(request(body));
    Caller caller = callers.caller(identity);
    ConversationStore.Stored conversation = conversation(caller, body);
    // A refusal is a 429 before the stream opens; the turn is given back when the answer is sent.
    PermitPool.Permit turn = answering.acquire();
    try {
      // The stream opens when this method returns; the answer is made and sent from a worker.
      executor.runAsync(() -> {
        try (turn) {
          answerAsEvents(caller, body, conversation, sink, sse);
        }
      });
    } catch (RuntimeException e) {
      turn.close();
      throw e;
    }
  }

  private void answerAsEvents(Caller caller, AskBody body, ConversationStore.Stored conversation,
      SseEventSink sink, Sse sse) {
    EventWriter events = new EventWriter(sink, sse);
    try {
      ConversationalAnswering.Reply result = answer(caller, body, conversation,
          new AnswerListener() {
            @Override
            public void token(String text) {
              events.send("token", new TokenEvent(text));
            }

            @Override
            public void notice(String message) {
              events.send("notice", new NoticeEvent(message));
            }
          });
      events.send("answer", response(result));
    } catch (IllegalArgumentException e) {
      events.send("error", new ApiError(400, "Bad Request", e.getMessage()));
    } catch (PersistenceException e) {
      LOG.error("database failure while answering", e);
      events.send("error", new ApiError(503, "Service Unavailable",
          "the database is unavailable; the answer was not recorded, so it is not shown"));
    } catch (RuntimeException e) {
      LOG.error("failure while answering", e);
      events.send("error", new ApiError(500, "Internal Server Error",
          "the answer failed: " + e.getMessage()));
    } finally {
      sink.close();
    }
  }

  /** Answers as a new conversation, or as the next turn of {@code conversation}. */
  private ConversationalAnswering.Reply answer(Caller caller, AskBody body,
      ConversationStore.Stored conversation, AnswerListener listener) {
    AskRequest request = request(body);
    return conversation == null
        ? conversations.start(caller, request, listener)
        : conversations.resume(caller, conversation, request, listener);
  }

  /** The caller's conversation the body names; 404 for an unknown one or someone else's. */
  private ConversationStore.Stored conversation(Caller caller, AskBody body) {
    if (body.conversationId() == null) {
      return null;
    }
    return store.find(caller.name(), body.conversationId()).orElseThrow(() ->
        new NotFoundProblem("no conversation " + body.conversationId()));
  }

  private static AskRequest request(AskBody body) {
    if (body == null) {
      throw new IllegalArgumentException("request body must be JSON with a 'question'");
    }
    return new AskRequest(body.question(), body.topK(), body.sources(), body.documentIds());
  }

  private AskResponse response(ConversationalAnswering.Reply reply) {
    AskResult result = reply.result();
    return new AskResponse(result.auditId(), result.answer().text(), result.answer().refused(),
        result.answer().citations(), result.answer().answerer(), result.answer().promptVersion(),
        SearchResource.hits(result.retrieved()), result.latenciesMillis(),
        result.answer().notice(), result.verification(), ingestion.progress().orElse(null),
        result.answer().closestPassages(), result.warnings(), reply.conversationId(),
        reply.searchQuery());
  }

  /** Sends named JSON events in order; sends from several threads never interleave. */
  private final class EventWriter {
    private final SseEventSink sink;
    private final Sse sse;

    EventWriter(SseEventSink sink, Sse sse) {
      this.sink = sink;
      this.sse = sse;
    }

    synchronized void send(String name, Object data) {
      if (sink.isClosed()) {
        return; // the client went away; the answer is still audited
      }
      String payload;
      try {
        payload = json.writeValueAsString(data);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot serialise " + name + " event", e);
      }
      sink.send(sse.newEventBuilder().name(name).data(String.class, payload).build());
    }
  }
}
