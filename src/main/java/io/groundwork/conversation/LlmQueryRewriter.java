package io.groundwork.conversation;

import io.groundwork.pii.PiiPseudonyms;
import io.groundwork.pii.PiiRedactor;
import java.util.Map;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.groundwork.answer.PromptLibrary;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rewrites follow-ups with a language model and the {@code condense-question} prompt of the
 * prompt library: the earlier turns and the follow-up go in, one standalone question comes out.
 * A first question is searched as asked, without a model call. When the model fails, times out
 * or answers with something that is not one short question, the deterministic
 * {@link FollowUpRewriter} decides instead, so a conversation never stops because the model
 * did. Personal data in what the model is sent is masked with numbered placeholders and restored
 * in the standalone question it returns ({@link PiiPseudonyms}). Thread-safe when the model is.
 */
public final class LlmQueryRewriter implements QueryRewriter {
  private static final Logger LOG = Logger.getLogger(LlmQueryRewriter.class);
  /** Longest standalone question accepted from the model, in characters. */
  static final int MAX_QUERY_CHARS = 500;
  /** How much of each earlier answer the prompt shows. */
  private static final int ANSWER_CHARS = 400;

  private final ChatModel model;
  private final String instructions;
  private final QueryRewriter fallback;
  private final PiiRedactor masking;

  public LlmQueryRewriter(ChatModel model, PromptLibrary prompts, QueryRewriter fallback) {
    this(model, prompts, fallback, PiiRedactor.none());
  }

  /** A rewriter that masks what {@code masking} finds in what it sends to the model. */
  public LlmQueryRewriter(ChatModel model, PromptLibrary prompts, QueryRewriter fallback,
      PiiRedactor masking) {
    this.masking = java.util.Objects.requireNonNull(masking, "masking");
    this.model = model;
    this.instructions = prompts.template("condense-question");
    this.fallback = fallback;
  }

  @Override
  public String standalone(List<Turn> history, String question) {
    return rewrite(history, question).query();
  }

  @Override
  public Rewrite rewrite(List<Turn> history, String question) {
    if (history.isEmpty()) {
      return new Rewrite(question, Map.of());
    }
    StringBuilder conversation = new StringBuilder();
    for (Turn turn : history) {
      conversation.append("User: ").append(turn.question().strip()).append('\n');
      String answer = turn.answer().strip();
      if (!answer.isEmpty()) {
        conversation.append("Assistant: ").append(answer.length() > ANSWER_CHARS
            ? answer.substring(0, ANSWER_CHARS) + "..." : answer).append('\n');
      }
    }
    conversation.append("Follow-up: ").append(question.strip());
    PiiPseudonyms pseudonyms = new PiiPseudonyms(masking);
    try {
      String text = model.chat(ChatRequest.builder().messages(
              SystemMessage.from(pseudonyms.mask(instructions)),
              UserMessage.from(pseudonyms.mask(conversation.toString())))
          .build()).aiMessage().text();
      String rewritten = text == null ? "" : pseudonyms.restore(text.strip());
      if (rewritten.isEmpty() || rewritten.length() > MAX_QUERY_CHARS
          || rewritten.contains("\n")) {
        LOG.debugf("condensing answer not usable (%d chars); deterministic rewrite instead",
            rewritten.length());
        return new Rewrite(fallback.standalone(history, question), pseudonyms.masked());
      }
      return new Rewrite(rewritten, pseudonyms.masked());
    } catch (RuntimeException e) {
      LOG.warnf("condensing the follow-up failed (%s); deterministic rewrite instead",
          e.getMessage());
      return new Rewrite(fallback.standalone(history, question), pseudonyms.masked());
    }
  }
}
