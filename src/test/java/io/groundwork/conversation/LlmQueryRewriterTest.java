package io.groundwork.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.groundwork.answer.PromptLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The condensing rewriter with a chat model that answers as scripted: what it sends (the
 * project's condense-question prompt, the turns, the follow-up), what it accepts back, and the
 * deterministic rule taking over when the model fails or answers with more than one question.
 */
class LlmQueryRewriterTest {
  private static final PromptLibrary PROMPTS = PromptLibrary.load(Path.of("prompts"));
  private static final List<Turn> HISTORY = List.of(
      new Turn("How do I report a phishing email?", null, "Click Report Phish in Outlook. [1]"));

  /** A chat model whose answer is computed from the request; keeps what it was sent. */
  private static final class ScriptedModel implements ChatModel {
    final List<List<ChatMessage>> requests = new ArrayList<>();
    final Function<ChatRequest, String> answer;

    ScriptedModel(Function<ChatRequest, String> answer) {
      this.answer = answer;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(request.messages());
      return ChatResponse.builder().aiMessage(AiMessage.from(answer.apply(request))).build();
    }
  }

  @Test
  void sendsThePromptTheTurnsAndTheFollowUpAndSearchesWhatTheModelWrites() {
    ScriptedModel model = new ScriptedModel(r -> "What should I do after typing my password"
        + " into a phishing email link?");
    LlmQueryRewriter rewriter = new LlmQueryRewriter(model, PROMPTS, new FollowUpRewriter());
    assertThat(rewriter.standalone(HISTORY, "And if I already typed my password?"))
        .isEqualTo("What should I do after typing my password into a phishing email link?");
    List<ChatMessage> sent = model.requests.get(0);
    assertThat(((SystemMessage) sent.get(0)).text()).isEqualTo(PROMPTS.template("condense-question"));
    assertThat(((UserMessage) sent.get(1)).singleText())
        .contains("User: How do I report a phishing email?")
        .contains("Assistant: Click Report Phish in Outlook. [1]")
        .endsWith("Follow-up: And if I already typed my password?");
  }

  @Test
  void personalDataInTheTurnsReachesTheModelAsPlaceholdersAndTheQueryCarriesTheValues() {
    ScriptedModel model = new ScriptedModel(r -> {
      String user = ((UserMessage) r.messages().get(1)).singleText();
      java.util.regex.Matcher email = java.util.regex.Pattern.compile("\\[EMAIL-\\d+\\]")
          .matcher(user);
      return email.find() ? "Was the phishing email from " + email.group() + " reported?"
          : "no placeholder";
    });
    LlmQueryRewriter rewriter = new LlmQueryRewriter(model, PROMPTS, new FollowUpRewriter(),
        io.groundwork.pii.PiiRedactors.of(io.groundwork.pii.PiiFixtureTestAccess.config()));
    List<Turn> history = List.of(new Turn("I got a phishing email from"
        + " payroll@evil.example, call me on 07700 900123", null, "Click Report Phish. [1]"));
    QueryRewriter.Rewrite rewrite = rewriter.rewrite(history, "Was payroll@evil.example"
        + " reported?");
    assertThat(rewrite.query())
        .isEqualTo("Was the phishing email from payroll@evil.example reported?");
    assertThat(rewrite.llmPiiMasked()).isEqualTo(java.util.Map.of("email", 2, "phone", 1));
    String sent = ((UserMessage) model.requests.get(0).get(1)).singleText();
    assertThat(sent).doesNotContain("payroll@evil.example").doesNotContain("900123")
        .contains("from [EMAIL-1], call me on [PHONE-1]")
        .endsWith("Follow-up: Was [EMAIL-1] reported?");
    assertThat(rewriter.standalone(history, "Was payroll@evil.example reported?"))
        .isEqualTo(rewrite.query());
  }

  @Test
  void aFirstQuestionCostsNoModelCall() {
    ScriptedModel model = new ScriptedModel(r -> "unused");
    new LlmQueryRewriter(model, PROMPTS, new FollowUpRewriter()).standalone(List.of(), "Hello?");
    assertThat(model.requests).isEmpty();
  }

  @Test
  void theRuleDecidesWhenTheModelFailsOrAnswersWithMoreThanOneLine() {
    FollowUpRewriter rule = new FollowUpRewriter();
    String expected = rule.standalone(HISTORY, "And if I already typed my password?");
    ChatModel failing = new ScriptedModel(r -> {
      throw new IllegalStateException("connection refused");
    });
    assertThat(new LlmQueryRewriter(failing, PROMPTS, rule)
        .standalone(HISTORY, "And if I already typed my password?")).isEqualTo(expected);
    ChatModel chatty = new ScriptedModel(r -> "Sure! Here is the question:\nWhat now?");
    assertThat(new LlmQueryRewriter(chatty, PROMPTS, rule)
        .standalone(HISTORY, "And if I already typed my password?")).isEqualTo(expected);
    ChatModel silent = new ScriptedModel(r -> "  ");
    assertThat(new LlmQueryRewriter(silent, PROMPTS, rule)
        .standalone(HISTORY, "And if I already typed my password?")).isEqualTo(expected);
  }
}
