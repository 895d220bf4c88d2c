package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("app")
class RestApiTest {
  private static File badFile(String name) {
    return Path.of("src/test/resources/bad-files", name).toFile();
  }

  @Test
  void anonymousAndUnknownUsersAreRejected() {
    given().when().get("/api/search?q=vpn").then().statusCode(401);
    given().auth().preemptive().basic("mallory", "mallory-pass")
        .when().get("/api/search?q=vpn").then().statusCode(401);
    given().auth().preemptive().basic("bob", "wrong-pass")
        .when().get("/api/search?q=vpn").then().statusCode(401);
    given().when().get("/").then().statusCode(401);
  }

  @Test
  void meReportsGroupsIncludingEveryone() {
    given().auth().preemptive().basic("alice", "alice-pass").when().get("/api/me").then()
        .statusCode(200).body("name", equalTo("alice"))
        .body("groups", org.hamcrest.Matchers.hasItems("hr", "everyone"));
  }

  @Test
  void badRequestsGetJsonErrors() {
    given().auth().preemptive().basic("bob", "bob-pass").contentType(ContentType.JSON)
        .body(Map.of("question", " ")).when().post("/api/ask").then()
        .statusCode(400).contentType(ContentType.JSON)
        .body("message", equalTo("question must not be blank"));
    given().auth().preemptive().basic("bob", "bob-pass").when().get("/api/search").then()
        .statusCode(400).body("message", equalTo("query parameter 'q' is required"));
    given().auth().preemptive().basic("bob", "bob-pass").when().get("/api/search?q=x&topK=0")
        .then().statusCode(400).body("message", startsWith("topK must be between 1 and"));
    given().auth().preemptive().basic("bob", "bob-pass").when().get("/api/documents/nope")
        .then().statusCode(404).body("message", equalTo("no document nope"));
  }

  @Test
  void onlyAdminsIngestAndOnlyAuditorsReadTheAuditTrail() {
    given().auth().preemptive().basic("bob", "bob-pass").contentType(ContentType.JSON)
        .body(Map.of("source", "samples")).when().post("/api/ingest/runs").then().statusCode(403)
        .body("message", notNullValue());
    given().auth().preemptive().basic("bob", "bob-pass").when().get("/api/audit").then()
        .statusCode(403);
    given().auth().preemptive().basic("erin", "erin-pass").contentType(ContentType.JSON)
        .body(Map.of("source", "nope")).when().post("/api/ingest/runs").then().statusCode(400)
        .body("message", startsWith("unknown source 'nope'"));
  }

  @Test
  void uploadsAreIngestedAndBadUploadsReportTheirReason() {
    // A fact no other test uploads into this shared application, so this test owns its answer.
    given().auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", "harrogate-bikes.md", ("# Bike storage\n\nThe Harrogate depot bike"
            + " storage has 27 spaces behind the loading bay.\n").getBytes(StandardCharsets.UTF_8))
        .multiPart("groups", "everyone")
        .when().post("/api/ingest/uploads").then().statusCode(200)
        .body("ingested", equalTo(1)).body("failed.size()", equalTo(0));
    given().auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", badFile("malformed.pdf"))
        .when().post("/api/ingest/uploads").then().statusCode(200)
        .body("ingested", equalTo(0)).body("failed[0].path", equalTo("malformed.pdf"))
        .body("failed[0].reason", startsWith("malformed PDF"));

    List<Map<String, Object>> hits = given().auth().preemptive().basic("bob", "bob-pass")
        .when().get("/api/search?q=Harrogate depot bike storage spaces").then().statusCode(200)
        .body("results.size()", greaterThan(0)).extract().path("results");
    assertThat(hits.getFirst().get("path")).isEqualTo("harrogate-bikes.md");

    Map<String, Object> answer = given().auth().preemptive().basic("bob", "bob-pass")
        .contentType(ContentType.JSON)
        .body(Map.of("question", "How many bike storage spaces does the Harrogate depot have?"))
        .when().post("/api/ask").then().statusCode(200).extract().as(Map.class);
    assertThat(answer.get("refused")).isEqualTo(false);
    assertThat((String) answer.get("answer")).contains("27 spaces").contains("[1]");
    List<Map<String, Object>> citations = (List<Map<String, Object>>) answer.get("citations");
    Map<String, Object> first = citations.getFirst();
    String documentId = (String) first.get("documentId");
    String text = given().auth().preemptive().basic("bob", "bob-pass")
        .when().get("/api/documents/" + documentId).then().statusCode(200)
        .extract().path("text");
    assertThat(text.substring((Integer) first.get("start"), (Integer) first.get("end")))
        .isEqualTo(first.get("quote"));

    Number auditId = (Number) answer.get("auditId");
    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit/" + auditId).then().statusCode(200)
        .body("user", equalTo("bob"))
        .body("question", equalTo("How many bike storage spaces does the Harrogate depot have?"))
        .body("citations[0].documentId", equalTo(documentId))
        .body("retrieved.size()", greaterThan(0))
        .body("latenciesMs.retrieve", notNullValue())
        .body("answerer", equalTo("extractive"))
        .body("promptVersion", notNullValue());
    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit?user=bob&limit=5").then().statusCode(200)
        .body("size()", greaterThan(0)).body("[0].user", equalTo("bob"));
    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
  }

  @Test
  void backgroundRunReportsProgressUntilDone() {
    String runId = given().auth().preemptive().basic("erin", "erin-pass")
        .contentType(ContentType.JSON).body(Map.of("source", "samples"))
        .when().post("/api/ingest/runs").then().statusCode(202)
        .header("Location", startsWith("/api/ingest/runs/")).extract().path("runId");
    Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
        .until(() -> !"RUNNING".equals(given().auth().preemptive().basic("erin", "erin-pass")
            .when().get("/api/ingest/runs/" + runId).then().statusCode(200)
            .extract().path("status")));
    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/ingest/runs/" + runId).then()
        .body("status", equalTo("COMPLETED"))
        .body("filesDone", equalTo(given().auth().preemptive().basic("erin", "erin-pass")
            .when().get("/api/ingest/runs/" + runId).then().extract().path("filesTotal")));
  }

  @Test
  void openApiDocumentListsTheApi() {
    given().when().get("/q/openapi?format=json").then().statusCode(401);
    given().auth().preemptive().basic("bob", "bob-pass")
        .when().get("/q/openapi?format=json").then().statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/ask"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/search"));
  }
}
