package io.groundwork.llm;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Test profiles that point the LLM back end at a {@link ScriptedLlmServer}. */
public final class LlmProfiles {
  private LlmProfiles() {}

  /** Ollama protocol. */
  public static class Ollama implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ScriptedLlmResource.class,
          Map.of("provider", "ollama")));
    }
  }

  /** OpenAI chat completions protocol. */
  public static class OpenAi implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ScriptedLlmResource.class,
          Map.of("provider", "openai")));
    }
  }
}
