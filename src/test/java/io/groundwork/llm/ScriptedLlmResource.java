package io.groundwork.llm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts a {@link ScriptedLlmServer} for a test profile and points {@code groundwork.llm.*} at
 * it; init argument {@code provider} is {@code ollama} or {@code openai}, {@code timeout} the
 * model timeout (default {@code 3s}). The server is injected
 * into test fields of type {@link ScriptedLlmServer}.
 */
public class ScriptedLlmResource implements QuarkusTestResourceLifecycleManager {
  private String provider = "ollama";
  private String timeout = "3s";
  private ScriptedLlmServer server;

  @Override
  public void init(Map<String, String> initArgs) {
    provider = initArgs.getOrDefault("provider", "ollama");
    timeout = initArgs.getOrDefault("timeout", "3s");
  }

  @Override
  public Map<String, String> start() {
    try {
      server = new ScriptedLlmServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "groundwork.llm.provider", provider,
        "groundwork.llm.base-url", provider.equals("ollama") ? server.ollamaUrl() : server.openAiUrl(),
        "groundwork.llm.model", "test-model",
        "groundwork.llm.api-key", "test-key",
        "groundwork.llm.timeout", timeout);
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(server,
        new TestInjector.MatchesType(ScriptedLlmServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
