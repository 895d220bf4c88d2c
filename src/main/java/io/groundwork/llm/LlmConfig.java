package io.groundwork.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Language-model settings ({@code groundwork.llm.*}; each one also reads from the environment,
 * e.g. {@code GROUNDWORK_LLM_PROVIDER}, {@code GROUNDWORK_LLM_API_KEY}).
 */
@ConfigMapping(prefix = "groundwork.llm")
public interface LlmConfig {
  /** Which chat back end answers questions. */
  enum Provider {
    /** No language model: answers are extractive. */
    NONE,
    /** An Ollama server ({@code /api/chat}). */
    OLLAMA,
    /** Any OpenAI-compatible chat completions endpoint ({@code /v1/chat/completions}). */
    OPENAI
  }

  /**
   * Which chat back end writes answers: {@code none} (default: no model, answers are extractive),
   * {@code ollama} (an Ollama server) or {@code openai} (any OpenAI-compatible chat completions
   * endpoint: vLLM, llama.cpp server, ...).
   */
  @WithDefault("none")
  Provider provider();

  /**
   * Base URL of the endpoint; when unset, {@code http://localhost:11434} for Ollama and
   * {@code http://localhost:8000/v1} (vLLM's default) for OpenAI-compatible servers.
   */
  Optional<String> baseUrl();

  /** Model name as the server knows it; required when a provider is set. */
  Optional<String> model();

  /** API key sent as a bearer token (OpenAI-compatible servers); set it from the environment. */
  Optional<String> apiKey();

  /** Sampling temperature; 0 keeps answers close to the sources. */
  @WithDefault("0.0")
  double temperature();

  /** Most tokens the model may generate for one answer. */
  @WithDefault("512")
  int maxTokens();

  /**
   * How long one answer may take, end to end (streaming too); past it the user gets the
   * extractive answer with a notice.
   */
  @WithDefault("60s")
  Duration timeout();

  /** Retries of a failed call before falling back (each retry may take the whole timeout). */
  @WithDefault("0")
  int maxRetries();

  /**
   * The model's context window in tokens: system prompt, question, sources and the answer
   * ({@code max-tokens}) must fit in it.
   */
  @WithDefault("4096")
  int contextTokens();

  /** Most retrieved chunks packed into the prompt as numbered sources. */
  @WithDefault("6")
  int maxSources();

  /** Log request and response bodies (they contain document text: keep off in production). */
  @WithDefault("false")
  boolean logExchanges();

  /** The base URL to use: the configured one, or the provider's local default. */
  default String effectiveBaseUrl() {
    return baseUrl().filter(url -> !url.isBlank()).orElse(switch (provider()) {
      case OLLAMA -> "http://localhost:11434";
      case OPENAI -> "http://localhost:8000/v1";
      case NONE -> "";
    });
  }
}
