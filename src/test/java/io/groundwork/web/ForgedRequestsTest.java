package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A page of another origin (here: another port of the same host) cannot make a signed-in
 * browser upload, ask or start a run: the forged request is a 403 JSON error before anything is
 * done, while the same requests from the server's own origin, and from clients that name no
 * origin (curl, SDKs), work. With a session cookie the double-submit token is needed too.
 */
@QuarkusTest
@Tag("app")
class ForgedRequestsTest {
  private static final String EVIL = "http://localhost:1";

  @TestHTTPResource("/")
  URL root;

  private String self() {
    return "http://" + root.getHost() + ":" + root.getPort();
  }

  private static RequestSpecification erin() {
    return given().auth().preemptive().basic("erin", "erin-pass");
  }

  private static void refused(Response response, String reason) {
    response.then().statusCode(403).contentType(ContentType.JSON).body("status", equalTo(403))
        .body("error", equalTo("Forbidden")).body("message", containsString(reason));
  }

  private static Response upload(RequestSpecification request, String name) {
    return request.multiPart("file", name,
            "# Forged\n\nA page of another origin uploaded this file.".getBytes(
                StandardCharsets.UTF_8), "text/markdown")
        .when().post("/api/ingest/uploads");
  }

  private static Response ask(RequestSpecification request) {
    return request.contentType(ContentType.JSON).body("{\"question\":\"How do I reset my password?\"}")
        .when().post("/api/ask");
  }

  private static Response run(RequestSpecification request) {
    return request.contentType(ContentType.JSON).body("{\"source\":\"no-such-source\"}")
        .when().post("/api/ingest/runs");
  }

  @Test
  void aForgedCrossOriginUploadAskOrRunIsRefused() {
    refused(upload(erin().header("Origin", EVIL), "forged.md"), "Origin " + EVIL);
    refused(ask(erin().header("Origin", EVIL)), "Origin " + EVIL);
    refused(run(erin().header("Origin", EVIL)), "Origin " + EVIL);
    // Without Origin, the Referer names the page.
    refused(ask(erin().header("Referer", EVIL + "/attack.html")), "Referer");
    // Sandboxed frames send the opaque origin.
    refused(ask(erin().header("Origin", "null")), "Origin null");
    // Nothing was stored: the forged upload never reached ingestion.
    assertThat(erin().when().get("/api/documents").asString()).doesNotContain("forged.md");
  }

  @Test
  void theSameRequestsFromTheServersOwnOriginWork() {
    upload(erin().header("Origin", self()), "same-origin.md").then().statusCode(200);
    ask(erin().header("Origin", self())).then().statusCode(200);
    ask(erin().header("Referer", self() + "/index.html")).then().statusCode(200);
    // The run request passes the guard and is judged on its content.
    run(erin().header("Origin", self())).then().statusCode(400)
        .body("message", containsString("no-such-source"));
  }

  @Test
  void clientsThatNameNoOriginAreNotAffected() {
    ask(erin()).then().statusCode(200);
    erin().when().get("/api/me").then().statusCode(200);
    // A cross-origin GET changes nothing and is allowed (the CSP and CORS keep its answer away).
    erin().header("Origin", EVIL).when().get("/api/me").then().statusCode(200);
  }

  @Test
  void aBodyWithoutContentTypeIs415() {
    Response response = erin().body("{\"question\":\"How do I reset my password?\"}".getBytes(
        StandardCharsets.UTF_8)).when().post("/api/ask");
    response.then().statusCode(415).contentType(ContentType.JSON).body("status", equalTo(415))
        .body("message", containsString("Content-Type"));
    erin().contentType("text/plain").body("{\"source\":\"samples\"}").when()
        .post("/api/ingest/runs").then().statusCode(415).contentType(ContentType.JSON);
  }

  @Test
  void aSessionCookieNeedsTheDoubleSubmittedToken() {
    // A GET with a session cookie hands out the token cookie.
    Response page = erin().cookie("q_session", "some-session").when().get("/api/me");
    String token = page.getCookie("groundwork-csrf");
    assertThat(token).hasSizeGreaterThan(30);
    assertThat(page.getDetailedCookie("groundwork-csrf").getSameSite()).isEqualTo("Strict");

    refused(ask(erin().cookie("q_session", "some-session").cookie("groundwork-csrf", token)
        .header("Origin", self())), "CSRF token");
    refused(ask(erin().cookie("q_session", "some-session").cookie("groundwork-csrf", token)
        .header("X-CSRF-Token", "guessed")), "CSRF token");
    ask(erin().cookie("q_session", "some-session").cookie("groundwork-csrf", token)
        .header("X-CSRF-Token", token).header("Origin", self())).then().statusCode(200);
    // The token does not stand in for the origin check.
    refused(ask(erin().cookie("q_session", "some-session").cookie("groundwork-csrf", token)
        .header("X-CSRF-Token", token).header("Origin", EVIL)), "Origin");
  }
}
