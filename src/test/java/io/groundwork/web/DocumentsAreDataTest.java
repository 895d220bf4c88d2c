package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Documents are data: a sentence that asks for credentials at a link, or that speaks to an
 * assistant, is flagged on its document at ingestion; the first is quoted only with a warning,
 * the second never; and a document's own "[1]" never becomes a citation.
 */
@QuarkusTest
@Tag("app")
class DocumentsAreDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

  /** Uploads a file of the injection corpus (readable by everyone) and returns its summary. */
  private static JsonNode upload(String name) throws Exception {
    // The first upload of a run warms up the parsers and the embedding model: on a busy machine
    // that takes longer than the default read timeout.
    given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 180_000)))
        .auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", new File("src/test/resources/injection-corpus/" + name))
        .multiPart("groups", "everyone").when().post("/api/ingest/uploads")
        .then().statusCode(200);
    JsonNode documents = JSON.readTree(given().auth().preemptive().basic("bob", "bob-pass")
        .when().get("/api/documents").asString());
    for (JsonNode document : documents) {
      if (document.path("path").asText().endsWith(name)) {
        return document;
      }
    }
    throw new AssertionError(name + " is not among the documents: " + documents);
  }

  private static JsonNode ask(String question, String documentId) throws Exception {
    return JSON.readTree(given().auth().preemptive().basic("bob", "bob-pass")
        .contentType(ContentType.JSON)
        .body(Map.of("question", question, "documentIds", List.of(documentId)))
        .when().post("/api/ask").then().statusCode(200).extract().asString());
  }

  @Test
  void aCredentialRequestIsFlaggedAndQuotedOnlyWithAWarning() throws Exception {
    JsonNode document = upload("password-reset.md");
    assertThat(document.path("flagged").asBoolean()).isTrue();
    assertThat(document.path("flags")).hasSize(1);
    assertThat(document.path("flags").get(0).path("kind").asText()).isEqualTo("credential-request");
    assertThat(document.path("flags").get(0).path("excerpt").asText()).contains("evil.example");

    JsonNode answer = ask("How do I reset my password?", document.path("id").asText());
    assertThat(answer.path("refused").asBoolean()).isFalse();
    boolean quotesTheLure = answer.path("answer").asText().contains("evil.example");
    if (quotesTheLure) {
      assertThat(answer.path("warnings").toString()).contains("asks you to enter credentials");
    }
    // The lure is the best match for this question here: the warning is really exercised.
    assertThat(quotesTheLure).isTrue();
  }

  @Test
  void textAddressedToAnAssistantIsFlaggedAndNeverQuoted() throws Exception {
    JsonNode document = upload("assistant-turns.md");
    assertThat(document.path("flags").findValuesAsText("kind"))
        .containsExactly("assistant-address", "assistant-address");

    JsonNode answer = ask("Is the office closed in January for the holidays?",
        document.path("id").asText());
    assertThat(answer.path("answer").asText()).doesNotContain("Assistant:")
        .doesNotContain("all of January").doesNotContain("no holidays this year");
    assertThat(answer.path("warnings").toString()).contains("addressed to an AI assistant");
  }

  @Test
  void aDocumentsOwnBracketedNumbersNeverBecomeCitations() throws Exception {
    JsonNode document = upload("citation-markup.md");
    assertThat(document.path("flagged").asBoolean()).isFalse();
    JsonNode answer = ask("When must expense claims be submitted and what about receipts?",
        document.path("id").asText());
    String text = answer.path("answer").asText();
    assertThat(text).contains("\uFF3B1\uFF3D").doesNotContain("[unverified]");
    int citations = answer.path("citations").size();
    Matcher markers = MARKER.matcher(text);
    int found = 0;
    while (markers.find()) {
      found++;
      assertThat(Integer.parseInt(markers.group(1))).isBetween(1, citations);
    }
    assertThat(found).isEqualTo(citations);
    // The citation's quote stays the document's exact text.
    assertThat(answer.path("citations").toString()).contains("purchase [1]");
  }
}
