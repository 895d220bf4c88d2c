package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.llm.SseEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Without a language model (the default), streaming still works and answers are verified. */
@QuarkusTest
@Tag("app")
class ExtractiveStreamingTest {
  @Test
  void extractiveAnswerStreamsAsOneAnswerEventWithItsVerification() {
    given().auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", new File("src/test/resources/injection-corpus/vpn-guide.md"))
        .multiPart("groups", "everyone")
        .when().post("/api/ingest/uploads").then().statusCode(200);
    List<SseEvents.Event> events = SseEvents.parse(given().auth().preemptive()
        .basic("bob", "bob-pass").contentType(ContentType.JSON).accept("text/event-stream")
        .body(Map.of("question", "Which host does the VPN client connect to?"))
        .when().post("/api/ask").then().statusCode(200).extract().asString());

    assertThat(events).hasSize(1);
    assertThat(events.getFirst().name()).isEqualTo("answer");
    var answer = events.getFirst().data();
    assertThat(answer.path("answerer").asText()).isEqualTo("extractive");
    assertThat(answer.path("answer").asText()).contains("vpn.larkspur.example");
    assertThat(answer.path("verification").path("supportedSentences").asInt()).isPositive();
    assertThat(answer.path("verification").path("removedSentences").asInt()).isZero();
    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit/" + answer.path("auditId").asLong()).then().statusCode(200)
        .body("verification.sentences.size()", org.hamcrest.Matchers.greaterThan(0))
        .body("fallbackReason", org.hamcrest.Matchers.nullValue());
  }
}
