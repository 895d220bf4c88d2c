package io.groundwork.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Both models of a provider get the options that were set on each builder one by one: the same
 * request parameters (model, temperature, answer length, context window) as such builders give.
 */
class ChatModelProducerTest {
  private static LlmConfig config(LlmConfig.Provider provider, String model) {
    return new LlmConfig() {
      @Override
      public Provider provider() {
        return provider;
      }

      @Override
      public Optional<String> baseUrl() {
        return Optional.empty();
      }

      @Override
      public Optional<String> model() {
        return Optional.ofNullable(model);
      }

      @Override
      public Optional<String> apiKey() {
        return Optional.of("secret");
      }

      @Override
      public double temperature() {
        return 0.2;
      }

      @Override
      public int maxTokens() {
        return 300;
      }

      @Override
      public Duration timeout() {
        return Duration.ofSeconds(7);
      }

      @Override
      public int maxRetries() {
        return 1;
      }

      @Override
      public int contextTokens() {
        return 2048;
      }

      @Override
      public int maxSources() {
        return 6;
      }

      @Override
      public boolean logExchanges() {
        return false;
      }
    };
  }

  @Test
  void ollamaModelsHaveTheOptionsOfEachBuilderSetOneByOne() {
    LlmConfig config = config(LlmConfig.Provider.OLLAMA, "llama3");
    ChatModelProducer.Models models = ChatModelProducer.models(config);
    OllamaChatModel chat = OllamaChatModel.builder().maxRetries(1)
        .baseUrl("http://localhost:11434").modelName("llama3").temperature(0.2).numPredict(300)
        .numCtx(2048).timeout(Duration.ofSeconds(7)).logRequests(false).logResponses(false)
        .build();
    OllamaStreamingChatModel streaming = OllamaStreamingChatModel.builder()
        .baseUrl("http://localhost:11434").modelName("llama3").temperature(0.2).numPredict(300)
        .numCtx(2048).timeout(Duration.ofSeconds(7)).logRequests(false).logResponses(false)
        .build();

    assertThat(models.chat().get()).isInstanceOf(OllamaChatModel.class);
    assertThat(models.chat().get().defaultRequestParameters())
        .isEqualTo(chat.defaultRequestParameters());
    assertThat(models.streaming().get()).isInstanceOf(OllamaStreamingChatModel.class);
    assertThat(models.streaming().get().defaultRequestParameters())
        .isEqualTo(streaming.defaultRequestParameters());
    assertThat(models.chat().get().defaultRequestParameters().modelName()).isEqualTo("llama3");
  }

  @Test
  void openAiModelsHaveTheOptionsOfEachBuilderSetOneByOne() {
    LlmConfig config = config(LlmConfig.Provider.OPENAI, "qwen");
    ChatModelProducer.Models models = ChatModelProducer.models(config);
    OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl("http://localhost:8000/v1")
        .apiKey("secret").modelName("qwen").temperature(0.2).maxTokens(300)
        .timeout(Duration.ofSeconds(7)).maxRetries(1).logRequests(false).logResponses(false)
        .build();
    OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
        .baseUrl("http://localhost:8000/v1").apiKey("secret").modelName("qwen").temperature(0.2)
        .maxTokens(300).timeout(Duration.ofSeconds(7)).logRequests(false).logResponses(false)
        .build();

    assertThat(models.chat().get()).isInstanceOf(OpenAiChatModel.class);
    assertThat(models.chat().get().defaultRequestParameters())
        .isEqualTo(chat.defaultRequestParameters());
    assertThat(models.streaming().get()).isInstanceOf(OpenAiStreamingChatModel.class);
    assertThat(models.streaming().get().defaultRequestParameters())
        .isEqualTo(streaming.defaultRequestParameters());
    assertThat(models.chat().get().defaultRequestParameters().maxOutputTokens()).isEqualTo(300);
  }

  @Test
  void noProviderOrNoModelIsAClearError() {
    assertThatThrownBy(() -> ChatModelProducer.models(config(LlmConfig.Provider.NONE, "m")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no language model is configured (groundwork.llm.provider=none)");
    assertThatThrownBy(() -> ChatModelProducer.models(config(LlmConfig.Provider.OLLAMA, " ")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("groundwork.llm.model (GROUNDWORK_LLM_MODEL) must be set when"
            + " groundwork.llm.provider is ollama");
  }
}
