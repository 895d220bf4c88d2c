package io.groundwork.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * CDI wiring of LangChain4j's chat models for the configured provider. The beans exist only
 * when a provider is set: resolving them with {@code groundwork.llm.provider=none} is an error
 * (the answerer producer checks the provider first).
 */
@ApplicationScoped
public class ChatModelProducer {

  @Produces
  @Singleton
  ChatModel chatModel(LlmConfig config) {
    String model = requireModel(config);
    return switch (config.provider()) {
      case OLLAMA -> OllamaChatModel.builder()
          .maxRetries(config.maxRetries())
          .baseUrl(config.effectiveBaseUrl())
          .modelName(model)
          .temperature(config.temperature())
          .numPredict(config.maxTokens())
          .numCtx(config.contextTokens())
          .timeout(config.timeout())
          .logRequests(config.logExchanges())
          .logResponses(config.logExchanges())
          .build();
      case OPENAI -> OpenAiChatModel.builder()
          .baseUrl(config.effectiveBaseUrl())
          .apiKey(config.apiKey().orElse("none"))
          .modelName(model)
          .temperature(config.temperature())
          .maxTokens(config.maxTokens())
          .timeout(config.timeout())
          .maxRetries(config.maxRetries())
          .logRequests(config.logExchanges())
          .logResponses(config.logExchanges())
          .build();
      case NONE -> throw noProvider();
    };
  }

  @Produces
  @Singleton
  StreamingChatModel streamingChatModel(LlmConfig config) {
    String model = requireModel(config);
    return switch (config.provider()) {
      case OLLAMA -> OllamaStreamingChatModel.builder()
          .baseUrl(config.effectiveBaseUrl())
          .modelName(model)
          .temperature(config.temperature())
          .numPredict(config.maxTokens())
          .numCtx(config.contextTokens())
          .timeout(config.timeout())
          .logRequests(config.logExchanges())
          .logResponses(config.logExchanges())
          .build();
      case OPENAI -> OpenAiStreamingChatModel.builder()
          .baseUrl(config.effectiveBaseUrl())
          .apiKey(config.apiKey().orElse("none"))
          .modelName(model)
          .temperature(config.temperature())
          .maxTokens(config.maxTokens())
          .timeout(config.timeout())
          .logRequests(config.logExchanges())
          .logResponses(config.logExchanges())
          .build();
      case NONE -> throw noProvider();
    };
  }

  private static String requireModel(LlmConfig config) {
    if (config.provider() == LlmConfig.Provider.NONE) {
      throw noProvider();
    }
    return config.model().filter(m -> !m.isBlank()).orElseThrow(() -> new IllegalStateException(
        "groundwork.llm.model (GROUNDWORK_LLM_MODEL) must be set when groundwork.llm.provider is "
            + config.provider().name().toLowerCase(java.util.Locale.ROOT)));
  }

  private static IllegalStateException noProvider() {
    return new IllegalStateException("no language model is configured (groundwork.llm.provider=none)");
  }
}
