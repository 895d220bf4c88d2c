package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.groundwork.core.Hashes;
import io.groundwork.ingest.IngestionService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A document's structure and its original file through the document API, with the same access
 * check as its text: a caller who may not read the document gets a 404 for both.
 */
@QuarkusTest
@Tag("app")
class DocumentOriginalTest {
  private final String name = "kiln-room-" + UUID.randomUUID() + ".html";

  private static final String PAGE = """
      <html><head><title>Kiln room</title></head><body>
      <nav><a href="/">Intranet</a> | <a href="/hr">HR</a></nav>
      <main><h1>Kiln room</h1><p>The kiln room of the Harrogate depot opens at nine.</p>
      <ul><li>Wear the orange gloves.</li><li>Log every firing.</li></ul></main>
      <footer>Page owner: facilities</footer></body></html>""";

  private void upload(String html) {
    // The first upload of a run may load the embedding model on a busy machine: wait for it.
    given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 180_000)))
        .auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", name, html.getBytes(StandardCharsets.UTF_8))
        .multiPart("groups", "hr")
        .when().post("/api/ingest/uploads").then().statusCode(200)
        .body("failed.size()", equalTo(0));
  }

  @Test
  void readersGetTheStructureAndTheOriginalOthersGetNotFound() {
    upload(PAGE);
    String id = Hashes.documentId(IngestionService.UPLOADS, name);

    Map<String, Object> view = given().auth().preemptive().basic("alice", "alice-pass")
        .when().get("/api/documents/" + id).then().statusCode(200)
        .body("originalUrl", equalTo("/api/documents/" + id + "/original"))
        .extract().path("");
    String text = (String) view.get("text");
    assertThat(text).isEqualTo("""
        Kiln room
        The kiln room of the Harrogate depot opens at nine.
        Wear the orange gloves.
        Log every firing.""");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> blocks = (List<Map<String, Object>>) view.get("blocks");
    assertThat(blocks).extracting(b -> b.get("kind"))
        .containsExactly("HEADING", "PARAGRAPH", "ITEM", "ITEM");
    Map<String, Object> item = blocks.get(2);
    assertThat(text.substring((Integer) item.get("start"), (Integer) item.get("end")))
        .isEqualTo("Wear the orange gloves.");

    byte[] original = given().auth().preemptive().basic("alice", "alice-pass")
        .when().get("/api/documents/" + id + "/original").then().statusCode(200)
        .contentType(startsWith("text/html"))
        .header("Content-Disposition", startsWith("attachment; filename=\"" + name + "\""))
        .extract().asByteArray();
    assertThat(new String(original, StandardCharsets.UTF_8)).isEqualTo(PAGE);

    given().auth().preemptive().basic("bob", "bob-pass")
        .when().get("/api/documents/" + id + "/original").then().statusCode(404)
        .body("message", equalTo("no document " + id));
    given().auth().preemptive().basic("bob", "bob-pass")
        .when().get("/api/documents/" + id).then().statusCode(404);

    // A changed file replaces the stored original.
    String changed = PAGE.replace("nine", "ten");
    upload(changed);
    byte[] replaced = given().auth().preemptive().basic("alice", "alice-pass")
        .when().get("/api/documents/" + id + "/original").then().statusCode(200)
        .extract().asByteArray();
    assertThat(new String(replaced, StandardCharsets.UTF_8)).isEqualTo(changed);
  }
}
