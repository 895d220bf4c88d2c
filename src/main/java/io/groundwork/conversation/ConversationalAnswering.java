package io.groundwork.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.answer.AnswerListener;
import io.groundwork.qa.AskRequest;
import io.groundwork.qa.AskResult;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a question as a turn of a conversation: the question is made standalone from the
 * earlier turns by the {@link QueryRewriter}, answered by {@link QuestionAnswering} (whose audit
 * record holds the question as asked and the query searched), and stored as the conversation's
 * next turn. Only composes; thread-safe.
 */
@ApplicationScoped
public class ConversationalAnswering {
  private final QuestionAnswering qa;
  private final ConversationStore store;
  private final QueryRewriter rewriter;
  private final ObjectMapper json;
  private final FollowUpRewriter followUps = new FollowUpRewriter();

  public ConversationalAnswering(QuestionAnswering qa, ConversationStore store,
      QueryRewriter rewriter, ObjectMapper json) {
    this.qa = qa;
    this.store = store;
    this.rewriter = rewriter;
    this.json = json;
  }

  /**
   * An answered turn.
   *
   * @param result the answer, as {@link QuestionAnswering} gives it
   * @param conversationId the conversation it belongs to, or null when nothing was stored
   * @param searchQuery the standalone query that was searched
   */
  public record Reply(AskResult result, String conversationId, String searchQuery) {}

  /** Starts a new conversation of the caller's with {@code request}. */
  public Reply start(Caller caller, AskRequest request, AnswerListener listener) {
    QuestionAnswering.validate(request);
    String id = store.start(caller.name(), request.question()).id;
    return answerAndStore(caller, request, id, List.of(), listener);
  }

  /** Continues the caller's {@code conversation} with {@code request}. */
  public Reply resume(Caller caller, ConversationStore.Stored conversation, AskRequest request,
      AnswerListener listener) {
    QuestionAnswering.validate(request);
    if (!conversation.conversation().owner.equals(caller.name())) {
      throw new IllegalArgumentException("conversation " + conversation.conversation().id
          + " is not " + caller.name() + "'s");
    }
    return answerAndStore(caller, request, conversation.conversation().id,
        conversation.history(), listener);
  }

  /**
   * Answers {@code request} after the turns a client keeps itself (the OpenAI-compatible API
   * sends the whole conversation with every call); nothing is stored beyond the audit record.
   */
  public Reply answerAfter(Caller caller, List<Turn> history, AskRequest request,
      AnswerListener listener) {
    QuestionAnswering.validate(request);
    // The client sends questions as asked; what each turn searched is rebuilt by the rule, so
    // that a third turn still carries the subject of the first.
    List<Turn> rebuilt = new ArrayList<>();
    for (Turn turn : history) {
      rebuilt.add(new Turn(turn.question(), followUps.standalone(rebuilt, turn.question()),
          turn.answer()));
    }
    QueryRewriter.Rewrite rewrite = rewriter.rewrite(rebuilt, request.question());
    String query = rewrite.query();
    AskResult result = qa.ask(caller, request.inConversation(query, null), listener,
        rewrite.llmPiiMasked());
    return new Reply(result, null, query);
  }

  private Reply answerAndStore(Caller caller, AskRequest request, String id, List<Turn> history,
      AnswerListener listener) {
    QueryRewriter.Rewrite rewrite = rewriter.rewrite(history, request.question());
    String query = rewrite.query();
    AskResult result = qa.ask(caller, request.inConversation(query, id), listener,
        rewrite.llmPiiMasked());
    ConversationTurnEntity turn = new ConversationTurnEntity();
    turn.question = request.question();
    turn.searchQuery = query;
    turn.answer = result.answer().text();
    turn.refused = result.answer().refused();
    turn.citations = citations(result);
    turn.auditId = result.auditId();
    store.append(caller.name(), id, turn);
    return new Reply(result, id, query);
  }

  private String citations(AskResult result) {
    try {
      return json.writeValueAsString(result.answer().citations());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store the citations of a turn", e);
    }
  }
}
