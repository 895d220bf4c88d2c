package io.groundwork.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.admission.AdmissionControl;
import io.groundwork.admission.AdmissionRejectedException;
import io.groundwork.admission.PermitPool;
import io.groundwork.answer.AnswerListener;
import io.groundwork.answer.Citation;
import io.groundwork.conversation.ConversationalAnswering;
import io.groundwork.conversation.Turn;
import io.groundwork.qa.AskRequest;
import io.groundwork.qa.AskResult;
import io.groundwork.security.Caller;
import io.groundwork.security.CallerResolver;
import io.groundwork.verify.Verification;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The OpenAI-compatible chat API. The last message (role {@code user}) is the question; the
 * earlier user and assistant messages are the conversation it follows, from which a follow-up is
 * made standalone; system and developer messages are ignored (counted in the response), so a
 * client's instructions never override the knowledge base's rules. The answer is the verified
 * answer of {@code /api/ask}: when streamed, it is sent after verification, so a client never
 * shows a sentence that verification removed. Citations are in {@code citations} (the
 * completion's, and the last streamed chunk's), each with number, document id, title, path,
 * quote and url; Groundwork's own details (audit id, refusal, the query searched) are in
 * {@code groundwork}.
 */
@Path("/v1")
@Authenticated
public class ChatCompletionsResource {
  private static final Logger LOG = Logger.getLogger(ChatCompletionsResource.class);
  /** The one model this API serves. */
  public static final String MODEL = "groundwork";
  /** Characters per streamed content chunk. */
  private static final int CHUNK_CHARS = 64;

  private final ConversationalAnswering answering;
  private final CallerResolver callers;
  private final SecurityIdentity identity;
  private final ObjectMapper json;
  private final PermitPool admission;

  public ChatCompletionsResource(ConversationalAnswering answering, CallerResolver callers,
      SecurityIdentity identity, ObjectMapper json, AdmissionControl admission) {
    this.admission = admission.pool(AdmissionControl.ANSWER);
    this.answering = answering;
    this.callers = callers;
    this.identity = identity;
    this.json = json;
  }

  /** {@code GET /v1/models}. */
  public record ModelList(String object, List<Model> data) {}

  /** A model entry. */
  public record Model(String id, String object, long created, String owned_by) {}

  /** A citation of the answer: {@code [number]} in the content refers to it. */
  public record CitationView(int number, String documentId, String title, String path,
      int page, String quote, String url) {}

  /** Groundwork's own details of a completion. */
  public record Details(long auditId, boolean refused, String searchQuery, String answerer,
      int systemMessagesIgnored, VerificationSummary verification) {}

  /** How the answer's sentences fared against their sources. */
  public record VerificationSummary(int supportedSentences, int removedSentences,
      int flaggedSentences) {}

  /** The assistant's message. */
  public record Message(String role, String content) {}

  /** A choice of a completion. */
  public record Choice(int index, Message message, String finish_reason) {}

  /** Token counts, estimated from words (Groundwork has no model tokenizer to count with). */
  public record Usage(int prompt_tokens, int completion_tokens, int total_tokens) {}

  /** {@code chat.completion}. */
  public record Completion(String id, String object, long created, String model,
      List<Choice> choices, Usage usage, List<CitationView> citations, Details groundwork) {}

  /** A streamed delta. */
  public record Delta(String role, String content) {}

  /** A choice of a streamed chunk. */
  public record ChunkChoice(int index, Delta delta, String finish_reason) {}

  /** {@code chat.completion.chunk}; the last one carries citations and details. */
  public record Chunk(String id, String object, long created, String model,
      List<ChunkChoice> choices, List<CitationView> citations, Details groundwork) {}

  @GET
  @Path("models")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "OpenAI-compatible: the models (one: groundwork)")
  public ModelList models() {
    return new ModelList("list", List.of(new Model(MODEL, "model", 1_767_225_600L, "groundwork")));
  }

  @POST
  @Path("chat/completions")
  @Blocking
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  @Operation(summary = "OpenAI-compatible chat completion: a grounded, cited, verified answer to"
      + " the last user message (streamed with \"stream\": true); citations in 'citations'")
  public Response complete(String body, @Context UriInfo uri) {
    try {
      ChatRequest request = ChatRequest.parse(json, body);
      Caller caller = callers.caller(identity);
      ConversationalAnswering.Reply reply;
      try (PermitPool.Permit turn = admission.acquire()) {
        reply = answering.answerAfter(caller, request.history(),
            AskRequest.of(request.question()), AnswerListener.NONE);
      }
      Completion completion = completion(reply, request, uri.getBaseUri());
      if (!request.stream()) {
        return Response.ok(completion, MediaType.APPLICATION_JSON).build();
      }
      return Response.ok((StreamingOutput) out -> stream(completion, out))
          .type(MediaType.SERVER_SENT_EVENTS).header("Cache-Control", "no-store").build();
    } catch (OpenAiError e) {
      return e.response();
    } catch (AdmissionRejectedException e) {
      return Response.fromResponse(new OpenAiError(429, "rate_limit_error", "rate_limit_exceeded",
              e.getMessage()).response())
          .header("Retry-After", e.retryAfterSeconds()).build();
    } catch (IllegalArgumentException e) {
      return OpenAiError.invalid(e.getMessage()).response();
    } catch (PersistenceException e) {
      LOG.error("database failure while answering", e);
      return new OpenAiError(503, "server_error", null, "the database is unavailable; the"
          + " answer was not recorded, so it is not given").response();
    }
  }

  private Completion completion(ConversationalAnswering.Reply reply, ChatRequest request,
      URI base) {
    AskResult result = reply.result();
    String content = result.answer().text();
    List<CitationView> citations = result.answer().citations().stream()
        .map(c -> view(c, base)).toList();
    Verification v = result.verification();
    Details details = new Details(result.auditId(), result.answer().refused(), reply.searchQuery(),
        result.answer().answerer(), request.systemMessagesIgnored(),
        v == null ? null : new VerificationSummary(v.supportedSentences(), v.removedSentences(),
            v.flaggedSentences()));
    int prompt = words(request.question()) + request.history().stream()
        .mapToInt(t -> words(t.question()) + words(t.answer())).sum();
    int completionTokens = words(content);
    return new Completion("chatcmpl-" + result.auditId(), "chat.completion",
        Instant.now().getEpochSecond(), MODEL,
        List.of(new Choice(0, new Message("assistant", content), "stop")),
        new Usage(prompt, completionTokens, prompt + completionTokens), citations, details);
  }

  private void stream(Completion completion, OutputStream out) throws IOException {
    String content = completion.choices().get(0).message().content();
    send(out, chunk(completion, new Delta("assistant", ""), null, false));
    int start = 0;
    while (start < content.length()) {
      int end = Math.min(content.length(), start + CHUNK_CHARS);
      // Never split a surrogate pair between two chunks.
      if (end < content.length() && Character.isHighSurrogate(content.charAt(end - 1))) {
        end++;
      }
      send(out, chunk(completion, new Delta(null, content.substring(start, end)), null, false));
      start = end;
    }
    send(out, chunk(completion, new Delta(null, null), "stop", true));
    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static Chunk chunk(Completion c, Delta delta, String finish, boolean last) {
    return new Chunk(c.id(), "chat.completion.chunk", c.created(), c.model(),
        List.of(new ChunkChoice(0, delta, finish)), last ? c.citations() : null,
        last ? c.groundwork() : null);
  }

  private void send(OutputStream out, Chunk chunk) throws IOException {
    String line;
    try {
      line = "data: " + json.writeValueAsString(chunk) + "\n\n";
    } catch (JsonProcessingException e) {
      throw new IOException("cannot serialise a completion chunk", e);
    }
    out.write(line.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static CitationView view(Citation c, URI base) {
    return new CitationView(c.number(), c.documentId(), c.title(), c.path(), c.page(), c.quote(),
        base.resolve(c.url().startsWith("/") ? c.url().substring(1) : c.url()).toString());
  }

  private static int words(String text) {
    return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  /** What the client asked, read from its JSON. */
  record ChatRequest(String question, List<Turn> history, boolean stream,
      int systemMessagesIgnored) {
    static ChatRequest parse(ObjectMapper json, String body) {
      JsonNode root;
      try {
        root = body == null || body.isBlank() ? null : json.readTree(body);
      } catch (JsonProcessingException e) {
        throw OpenAiError.invalid("request body is not valid JSON: " + e.getOriginalMessage());
      }
      if (root == null || !root.isObject()) {
        throw OpenAiError.invalid("request body must be a JSON object with 'model' and"
            + " 'messages'");
      }
      JsonNode model = root.get("model");
      if (model == null || !model.isTextual()) {
        throw OpenAiError.invalid("'model' is required (use \"" + MODEL + "\")");
      }
      if (!MODEL.equals(model.asText())) {
        throw new OpenAiError(404, "invalid_request_error", "model_not_found",
            "The model '" + model.asText() + "' does not exist; use \"" + MODEL + "\"");
      }
      JsonNode stream = root.get("stream");
      if (stream != null && !stream.isNull() && !stream.isBoolean()) {
        throw OpenAiError.invalid("'stream' must be a boolean");
      }
      JsonNode messages = root.get("messages");
      if (messages == null || !messages.isArray() || messages.isEmpty()) {
        throw OpenAiError.invalid("'messages' must be a non-empty array");
      }
      List<Turn> history = new ArrayList<>();
      int systems = 0;
      String pendingQuestion = null;
      String question = null;
      for (int i = 0; i < messages.size(); i++) {
        JsonNode message = messages.get(i);
        String role = message.path("role").asText("");
        String content = content(message, i);
        boolean last = i == messages.size() - 1;
        switch (role) {
          case "system", "developer" -> systems++;
          case "user" -> {
            if (last) {
              question = content;
            } else {
              if (pendingQuestion != null) {
                history.add(new Turn(pendingQuestion, null, ""));
              }
              pendingQuestion = content.isBlank() ? null : content;
            }
          }
          case "assistant" -> {
            if (pendingQuestion != null) {
              history.add(new Turn(pendingQuestion, null, content));
              pendingQuestion = null;
            }
          }
          case "tool", "function" -> { } // no tools: their output is not knowledge
          default -> throw OpenAiError.invalid("messages[" + i + "].role must be system, user,"
              + " assistant, developer or tool, got '" + role + "'");
        }
      }
      if (question == null) {
        throw OpenAiError.invalid("the last message must have role 'user'");
      }
      if (pendingQuestion != null) {
        history.add(new Turn(pendingQuestion, null, ""));
      }
      return new ChatRequest(question, List.copyOf(history),
          stream != null && stream.asBoolean(false), systems);
    }

    /** A message's text: a string, or the text parts of an array of content parts. */
    private static String content(JsonNode message, int index) {
      JsonNode content = message.get("content");
      if (content == null || content.isNull()) {
        return "";
      }
      if (content.isTextual()) {
        return content.asText();
      }
      if (content.isArray()) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
          if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
            text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
          }
        }
        return text.toString();
      }
      throw OpenAiError.invalid("messages[" + index + "].content must be a string or an array"
          + " of content parts");
    }
  }
}
