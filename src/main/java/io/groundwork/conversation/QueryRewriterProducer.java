package io.groundwork.conversation;

import io.groundwork.pii.PiiRedactor;
import jakarta.inject.Named;
import dev.langchain4j.model.chat.ChatModel;
import io.groundwork.answer.PromptLibrary;
import io.groundwork.llm.LlmConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The query rewriter: the language model's condensing prompt when a provider is configured,
 * falling back to the deterministic {@link FollowUpRewriter}; that rule alone otherwise.
 */
public class QueryRewriterProducer {
  @Produces
  @Singleton
  QueryRewriter rewriter(LlmConfig llm, Instance<ChatModel> chatModel, PromptLibrary prompts,
      @Named("llm") PiiRedactor masking) {
    FollowUpRewriter rule = new FollowUpRewriter();
    if (llm.provider() == LlmConfig.Provider.NONE) {
      return rule;
    }
    return new LlmQueryRewriter(chatModel.get(), prompts, rule, masking);
  }
}
