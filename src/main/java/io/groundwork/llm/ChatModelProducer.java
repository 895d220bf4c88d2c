package io.groundwork.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * CDI wiring of LangChain4j's chat models for the configured provider. The beans exist only
 * when a provider is set: resolving them with {@code groundwork.llm.provider=none} is an error
 * (the answerer producer checks the provider first).
 *
 * <p>Each provider has one method that builds both of its models, the one that answers at once
 * and the streaming one, from the same options: the model parameters (model name, temperature,
 * answer length, and Ollama's context window) go into one {@link ChatRequestParameters} that both
 * builders take; the connection options are set on each builder, since LangChain4j's builders
 * share no public type that declares them.
 */
@ApplicationScoped
public class ChatModelProducer {

  @Produces
  @Singleton
  ChatModel chatModel(LlmConfig config) {
    return models(config).chat().get();
  }

  @Produces
  @Singleton
  StreamingChatModel streamingChatModel(LlmConfig config) {
    return models(config).streaming().get();
  }

  /** One provider's two models, each built when asked for. */
  record Models(Supplier<ChatModel> chat, Supplier<StreamingChatModel> streaming) {}

  /** The configured provider's models; fails when no provider or model is configured. */
  static Models models(LlmConfig config) {
    if (config.provider() == LlmConfig.Provider.NONE) {
      throw noProvider();
    }
    String model = config.model().filter(m -> !m.isBlank()).orElseThrow(() ->
        new IllegalStateException("groundwork.llm.model (GROUNDWORK_LLM_MODEL) must be set when"
            + " groundwork.llm.provider is " + config.provider().name().toLowerCase(Locale.ROOT)));
    return switch (config.provider()) {
      case OLLAMA -> ollama(config, model);
      case OPENAI -> openAi(config, model);
      case NONE -> throw noProvider();
    };
  }

  /** Ollama's {@code /api/chat}. Streaming builders have no retries: only {@code chat} retries. */
  private static Models ollama(LlmConfig config, String model) {
    ChatRequestParameters parameters = OllamaChatRequestParameters.builder()
        .modelName(model)
        .temperature(config.temperature())
        .maxOutputTokens(config.maxTokens()) // num_predict
        .numCtx(config.contextTokens())
        .build();
    return new Models(
        () -> OllamaChatModel.builder()
            .defaultRequestParameters(parameters)
            .baseUrl(config.effectiveBaseUrl())
            .timeout(config.timeout())
            .logRequests(config.logExchanges())
            .logResponses(config.logExchanges())
            .maxRetries(config.maxRetries())
            .build(),
        () -> OllamaStreamingChatModel.builder()
            .defaultRequestParameters(parameters)
            .baseUrl(config.effectiveBaseUrl())
            .timeout(config.timeout())
            .logRequests(config.logExchanges())
            .logResponses(config.logExchanges())
            .build());
  }

  /** An OpenAI-compatible {@code /v1/chat/completions}; only {@code chat} retries. */
  private static Models openAi(LlmConfig config, String model) {
    ChatRequestParameters parameters = OpenAiChatRequestParameters.builder()
        .modelName(model)
        .temperature(config.temperature())
        .maxOutputTokens(config.maxTokens()) // max_tokens
        .build();
    String apiKey = config.apiKey().orElse("none");
    return new Models(
        () -> OpenAiChatModel.builder()
            .defaultRequestParameters(parameters)
            .baseUrl(config.effectiveBaseUrl())
            .apiKey(apiKey)
            .timeout(config.timeout())
            .logRequests(config.logExchanges())
            .logResponses(config.logExchanges())
            .maxRetries(config.maxRetries())
            .build(),
        () -> OpenAiStreamingChatModel.builder()
            .defaultRequestParameters(parameters)
            .baseUrl(config.effectiveBaseUrl())
            .apiKey(apiKey)
            .timeout(config.timeout())
            .logRequests(config.logExchanges())
            .logResponses(config.logExchanges())
            .build());
  }

  private static IllegalStateException noProvider() {
    return new IllegalStateException("no language model is configured (groundwork.llm.provider=none)");
  }
}
