package io.groundwork.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code POST /api/ask} with an OpenAI-compatible back end (a scripted local server). */
@QuarkusTest
@Tag("app")
@TestProfile(LlmProfiles.OpenAi.class)
class OpenAiAskApiTest {
  private static boolean ingested;

  ScriptedLlmServer llm;

  @BeforeEach
  void ingest() {
    if (!ingested) {
      given().auth().preemptive().basic("erin", "erin-pass")
          .multiPart("file", new File("src/test/resources/injection-corpus/vpn-guide.md"))
          .multiPart("groups", "everyone")
          .when().post("/api/ingest/uploads").then().statusCode(200);
      ingested = true;
    }
  }

  @AfterEach
  void release() {
    llm.releaseHangs();
    llm.clearRequests();
  }

  List<SseEvents.Event> askStream() {
    return SseEvents.parse(given().auth().preemptive().basic("bob", "bob-pass")
        .contentType(ContentType.JSON).accept("text/event-stream")
        .body(Map.of("question", LlmAskApiTest.VPN_QUESTION)).when().post("/api/ask").then()
        .statusCode(200).extract().asString());
  }

  @Test
  void streamsTokensOverChatCompletionsThenTheVerifiedAnswer() {
    llm.script(new ScriptedLlmServer.Reply(user -> LlmAskApiTest.FAITHFUL.formatted(
        ScriptedLlmServer.sourceContaining(user, "port 443"))));
    List<SseEvents.Event> events = askStream();

    assertThat(SseEvents.named(events, "token").size()).isGreaterThan(3);
    JsonNode answer = events.getLast().data();
    assertThat(answer.path("answerer").asText()).isEqualTo("openai:test-model");
    assertThat(answer.path("answer").asText()).contains("vpn.larkspur.example on port 443 [");
    assertThat(answer.path("verification").path("supportedSentences").asInt()).isEqualTo(1);
    JsonNode request = llm.requests().getLast();
    assertThat(request.path("model").asText()).isEqualTo("test-model");
    assertThat(request.path("stream").asBoolean()).isTrue();
    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit/" + answer.path("auditId").asLong()).then().statusCode(200)
        .body("answerer", org.hamcrest.Matchers.equalTo("openai:test-model"))
        .body("verification.sentences[0].status", org.hamcrest.Matchers.equalTo("SUPPORTED"));
  }

  @Test
  void hangPastTheTimeoutFallsBackWithoutStreaming() {
    llm.script(new ScriptedLlmServer.Hang());
    given().auth().preemptive().basic("bob", "bob-pass").contentType(ContentType.JSON)
        .body(Map.of("question", LlmAskApiTest.VPN_QUESTION)).when().post("/api/ask").then()
        .statusCode(200)
        .body("answerer", org.hamcrest.Matchers.equalTo("extractive"))
        .body("notice", org.hamcrest.Matchers.containsString("could not be used"))
        .body("answer", org.hamcrest.Matchers.containsString("vpn.larkspur.example"));
  }
}
