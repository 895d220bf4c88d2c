package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.groundwork.testing.TestPrerequisite;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The OpenAI-compatible API driven by the official {@code openai} npm package (a real client,
 * not a hand-written one): model list, a cited answer, a streamed follow-up, a wrong token and
 * access filtering. Needs Node.js and {@code npm ci} in {@code src/test/node} ({@code .ci/run}
 * does it); skipped with a line saying so where they are missing, unless CI is set.
 */
@QuarkusTest
@Tag("slow")
@ExtendWith(OpenAiSdkTest.NodeClient.class)
class OpenAiSdkTest {
  private static final Path CLIENT = Path.of("src/test/node");

  /** Runs the class only where Node.js and the openai package are installed. */
  static class NodeClient implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String missing = null;
      if (!Files.isDirectory(CLIENT.resolve("node_modules/openai"))) {
        missing = "the openai npm package is not installed: run (cd src/test/node && npm ci),"
            + " or bash .ci/run";
      } else if (!nodeRuns()) {
        missing = "Node.js (node) is not on the PATH";
      }
      return TestPrerequisite.check(context, missing);
    }

    private static boolean nodeRuns() {
      try {
        Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  @TestHTTPResource("/v1")
  URL api;

  private static void upload(String name, String text, String groups) {
    given().auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", name, text.getBytes(StandardCharsets.UTF_8))
        .multiPart("groups", groups).when().post("/api/ingest/uploads").then().statusCode(200)
        .body("failed.size()", equalTo(0));
  }

  private static String token(String user) {
    return given().auth().preemptive().basic(user, user + "-pass").contentType(ContentType.JSON)
        .body(Map.of("name", "openai sdk")).when().post("/api/tokens").then().statusCode(201)
        .extract().path("token");
  }

  @Test
  void theOfficialClientListsAsksFollowsUpAndIsFiltered() throws Exception {
    upload("orchard-ferry.md", "# Orchard Lane ferry\n\nThe Orchard Lane ferry crosses the river"
        + " every fifteen minutes.\n\n## Tickets\n\nA return ticket for the Orchard Lane ferry"
        + " costs four pounds.\n", "everyone");
    upload("orchard-safe.md", "# Orchard Lane safe\n\nThe Orchard Lane safe is opened only by"
        + " the two duty managers together.\n", "security");
    ProcessBuilder client = new ProcessBuilder("node", "openai-client.mjs")
        .directory(CLIENT.toFile()).redirectErrorStream(true);
    client.environment().putAll(Map.of(
        "GW_BASE_URL", api.toString(),
        "GW_TOKEN", token("bob"),
        "GW_INSIDER_TOKEN", token("dave"),
        "GW_QUESTION", "How often does the Orchard Lane ferry cross the river?",
        "GW_FACT", "every fifteen minutes",
        "GW_FOLLOW_UP", "How much is a return ticket for it?",
        "GW_FOLLOW_UP_FACT", "four pounds",
        "GW_CONFIDENTIAL_QUESTION", "Who opens the Orchard Lane safe?",
        "GW_CONFIDENTIAL_PATH", "orchard-safe.md"));
    Process process = client.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("\"ok\":true");
  }
}
