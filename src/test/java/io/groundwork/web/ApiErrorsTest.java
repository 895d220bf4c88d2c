package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad request to the API gets its status with a JSON body {status, error,
 * message}; JSON types are strict; valid requests still work.
 */
@QuarkusTest
@Tag("app")
class ApiErrorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RequestSpecification bob() {
    return given().auth().preemptive().basic("bob", "bob-pass");
  }

  /** Asserts the JSON error and returns its message. */
  private static String error(Response response, int status) {
    response.then().statusCode(status).contentType(ContentType.JSON)
        .body("status", equalTo(status))
        .body("error", equalTo(jakarta.ws.rs.core.Response.Status.fromStatusCode(status)
            .getReasonPhrase()));
    String message = response.path("message");
    assertThat(message).isNotBlank();
    return message;
  }

  private static Response ask(String body) {
    return bob().contentType(ContentType.JSON).body(body).when().post("/api/ask");
  }

  @Test
  void missingOrWrongCredentialsAre401WithTheChallenge() {
    for (Response response : new Response[] {
        given().when().get("/api/search?q=vpn"),
        given().auth().preemptive().basic("bob", "wrong-pass").when().get("/api/search?q=vpn"),
        given().auth().preemptive().basic("mallory", "x").when().get("/api/me"),
        given().when().get("/")}) {
      error(response, 401);
      assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Groundwork\"");
    }
  }

  @Test
  void aNonAuditorOnTheAuditTrailIs403() {
    assertThat(error(bob().when().get("/api/audit"), 403)).contains("not allowed");
  }

  @Test
  void unknownPathsMethodsAndMediaTypes() {
    assertThat(error(bob().when().get("/api/no-such-thing"), 404))
        .isEqualTo("no such resource: GET /api/no-such-thing");
    error(given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit/not-a-number"), 404);
    error(bob().when().delete("/api/search?q=vpn"), 405);
    error(bob().accept("text/csv").when().get("/api/search?q=vpn"), 406);
    error(bob().contentType("text/plain").body("question=vpn").when().post("/api/ask"), 415);
  }

  @Test
  void malformedBodiesAre400() {
    assertThat(error(ask("{\"question\": "), 400)).startsWith("request body is not valid JSON");
    assertThat(error(ask("{question: 'x'}"), 400)).startsWith("request body is not valid JSON");
    assertThat(error(ask("[\"How do I reset my password?\"]"), 400))
        .isEqualTo("request body must be a JSON object");
    assertThat(error(ask("\"How do I reset my password?\""), 400))
        .isEqualTo("request body must be a JSON object");
  }

  @Test
  void deeplyNestedBodiesAre400() throws Exception {
    // Sent with the JDK's client: RestAssured would pretty-print these bodies in its logs.
    String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    assertThat(postRaw(deep).path("message").asText())
        .startsWith("request body exceeds a JSON limit");
    String deepArray = "{\"question\":\"x\",\"sources\":" + "[".repeat(100_000)
        + "]".repeat(100_000) + "}";
    assertThat(postRaw(deepArray).path("message").asText()).isNotBlank();
  }

  private static JsonNode postRaw(String body) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + RestAssured.port + "/api/ask"))
        .header("Authorization", "Basic Ym9iOmJvYi1wYXNz")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.path("status").asInt()).isEqualTo(400);
    assertThat(json.path("error").asText()).isEqualTo("Bad Request");
    return json;
  }

  @Test
  void typesAreStrict() {
    assertThat(error(ask("{\"question\": \"vpn\", \"topK\": \"abc\"}"), 400))
        .isEqualTo("topK must be an integer");
    assertThat(error(ask("{\"question\": \"vpn\", \"topK\": 1.5}"), 400))
        .isEqualTo("topK must be an integer");
    assertThat(error(ask("{\"question\": \"vpn\", \"topK\": \"5\"}"), 400))
        .isEqualTo("topK must be an integer");
    assertThat(error(ask("{\"question\": 123}"), 400)).isEqualTo("question must be a string");
    assertThat(error(ask("{\"question\": true}"), 400)).isEqualTo("question must be a string");
    assertThat(error(ask("{\"question\": \"vpn\", \"sources\": [1]}"), 400))
        .isEqualTo("sources[0] must be a string");
    assertThat(error(ask("{\"question\": \"vpn\", \"topK\": 1000}"), 400))
        .isEqualTo("topK must be between 1 and 100, got 1000");
  }

  @Test
  void queryParametersAreChecked() {
    assertThat(error(bob().when().get("/api/search?q=vpn&topK=abc"), 400))
        .isEqualTo("topK must be an integer, got 'abc'");
    assertThat(error(bob().when().get("/api/search?q=vpn&topK=1.5"), 400))
        .isEqualTo("topK must be an integer, got '1.5'");
    assertThat(error(bob().when().get("/api/search?q=vpn&topK=0"), 400))
        .isEqualTo("topK must be between 1 and 100, got 0");
    assertThat(error(bob().when().get("/api/search?q=vpn&topK=1000"), 400))
        .isEqualTo("topK must be between 1 and 100, got 1000");
    RequestSpecification erin = given().auth().preemptive().basic("erin", "erin-pass");
    assertThat(error(erin.when().get("/api/audit?offset=-5"), 400))
        .isEqualTo("offset must be at least 0, got -5");
    assertThat(error(given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit?limit=-1"), 400))
        .isEqualTo("limit must be between 1 and 500, got -1");
    assertThat(error(given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit?limit=ten"), 400))
        .isEqualTo("limit must be an integer, got 'ten'");
  }

  @Test
  void validRequestsStillWork() {
    String unique = "Perimeter note " + UUID.randomUUID();
    given().auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", "perimeter-" + UUID.randomUUID() + ".md",
            ("# " + unique + "\n\nThe perimeter checker walks the fence every Tuesday at dawn.\n")
                .getBytes(StandardCharsets.UTF_8))
        .multiPart("groups", "everyone")
        .when().post("/api/ingest/uploads").then().statusCode(200);
    bob().contentType(ContentType.JSON)
        .body(Map.of("question", "When does the perimeter checker walk the fence?", "topK", 5))
        .when().post("/api/ask").then().statusCode(200).contentType(ContentType.JSON);
    bob().when().get("/api/search?q=perimeter+fence&topK=3").then().statusCode(200)
        .body("results.size()", org.hamcrest.Matchers.lessThanOrEqualTo(3));
    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit?limit=5&offset=0").then().statusCode(200);
  }

  @Test
  void aLongUriIs414() throws IOException {
    String query = "q=" + "a".repeat(10_000);
    JsonNode body = raw("GET /api/search?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Basic Ym9iOmJvYi1wYXNz\r\nConnection: close\r\n\r\n", 414);
    assertThat(body.path("message").asText())
        .isEqualTo("the request URI is longer than 4096 characters");
  }

  @Test
  void aBodyOverTheLimitIs413() throws IOException {
    // The request announces 40 MB (the limit is 30M) and sends none of it: the server answers
    // from the headers.
    JsonNode body = raw("POST /api/ask HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Basic Ym9iOmJvYi1wYXNz\r\nContent-Type: application/json\r\n"
        + "Content-Length: 40000000\r\n\r\n", 413);
    assertThat(body.path("message").asText()).startsWith("the request body is larger than ");
  }

  /** Sends a raw request, checks the status and JSON content type, returns the JSON body. */
  private static JsonNode raw(String request, int status) throws IOException {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      String text = "";
      for (int n; (n = in.read(buffer)) > 0; ) {
        received.write(buffer, 0, n);
        text = received.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end > 0) {
          int length = contentLength(text.substring(0, end));
          if (length >= 0 && received.size() >= end + 4 + length) {
            break;
          }
        }
      }
      int end = text.indexOf("\r\n\r\n");
      assertThat(end).as(text).isPositive();
      String head = text.substring(0, end);
      assertThat(head).startsWith("HTTP/1.1 " + status + " ");
      assertThat(head.toLowerCase()).contains("content-type: application/json");
      JsonNode body = JSON.readTree(text.substring(end + 4));
      assertThat(body.path("status").asInt()).isEqualTo(status);
      assertThat(body.path("error").asText()).isEqualTo(
          jakarta.ws.rs.core.Response.Status.fromStatusCode(status).getReasonPhrase());
      return body;
    }
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).strip());
      }
    }
    return -1;
  }
}
