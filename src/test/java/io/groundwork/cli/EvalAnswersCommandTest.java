package io.groundwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The checked-in answer regression on the sample corpus, through the real command: one ingestion
 * of the corpus into a data directory of its own, then every question of the dev set as its
 * user. This is what CI runs to catch a regression of answers, refusals or access control.
 */
@QuarkusMainTest
@TestProfile(EvalAnswersCommandTest.OwnDataDirectory.class)
@Tag("slow")
class EvalAnswersCommandTest {
  static final String REGRESSION = "ingestion/eval/answers/devset-extractive.yaml";

  /** The sample corpus alone in a data directory of its own, shared by this class's launches. */
  public static class OwnDataDirectory implements QuarkusTestProfile {
    static final String DATA_DIR = "target/test-data/eval-answers-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("groundwork.data-dir", DATA_DIR);
    }
  }

  @Test
  void theAnswerRegressionPassesWithoutALeak(QuarkusMainLauncher launcher) throws IOException {
    Path json = Files.createTempDirectory(Path.of("target"), "eval-answers-").resolve("out.json");
    LaunchResult result = launcher.launch("eval-answers", "--regression", REGRESSION,
        "--json", json.toString());
    String output = result.getOutput();
    assertThat(result.exitCode()).as(output + result.getErrorOutput()).isZero();
    assertThat(output).contains("regression  key-fact-rate       PASS")
        .contains("regression  leaks               PASS").doesNotContain("FAIL");
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    assertThat(figures.get("leaks").asInt()).isZero();
    assertThat(figures.get("retrievedLeaks").asInt()).isZero();
    assertThat(figures.get("answerer").asText()).isEqualTo("extractive");
    assertThat(figures.get("questions").asInt()).isGreaterThanOrEqualTo(150);
    assertThat(figures.get("outcomes")).hasSize(figures.get("questions").asInt());
    for (JsonNode outcome : figures.get("outcomes")) {
      // Whoever asks, a refusal cites nothing.
      if (outcome.get("refused").asBoolean()) {
        assertThat(outcome.get("firstCitation").isNull()).as(outcome.get("id").asText()).isTrue();
      }
    }
  }

  @Test
  void aRegressionExpectingMoreThanMeasuredFailsAndListsTheMisses(QuarkusMainLauncher launcher)
      throws IOException {
    Path dir = Files.createTempDirectory(Path.of("target"), "eval-answers-");
    Path spec = dir.resolve("impossible.yaml");
    Files.writeString(spec, "questions: " + Path.of("ingestion/eval/devset/questions.yaml")
        .toAbsolutePath() + "\nexpected:\n  key-fact-rate: 1.01\n  leaks: 0\ntolerance: 0\n");
    LaunchResult result = launcher.launch("eval-answers", "--regression", spec.toString(),
        "--limit", "8", "--list", "all");
    assertThat(result.exitCode()).as(result.getOutput() + result.getErrorOutput()).isEqualTo(4);
    assertThat(result.getOutput()).contains("regression  key-fact-rate       FAIL")
        .contains("dev set     ").contains(": 8 questions").contains("      Q  ");
  }

  @Test
  void badInputGetsAClearErrorBeforeAnythingIsIngested(QuarkusMainLauncher launcher) {
    LaunchResult missing = launcher.launch("eval-answers", "--questions", "no/such/set.yaml");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.getErrorOutput()).contains("no such file: no/such/set.yaml");

    LaunchResult llm = launcher.launch("eval-answers", "--regression",
        "src/test/resources/eval-answers/ollama-expected.yaml");
    assertThat(llm.exitCode()).isEqualTo(1);
    assertThat(llm.getErrorOutput()).contains("was measured with the ollama answerer but this"
        + " process answers with extractive");
  }
}
