package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.groundwork.admission.AdmissionControl;
import io.groundwork.admission.PermitPool;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Password guessing meets a delay, then a lockout (429 with {@code Retry-After}, audited) before
 * any password is checked; answering beyond the admission pool is a 429 at once. Small limits of
 * their own, so that nothing here locks out another test's users.
 */
@QuarkusTest
@TestProfile(GuessingAndOverloadTest.SmallLimits.class)
@Tag("app")
class GuessingAndOverloadTest {
  /** Two free failures, the fourth locks; one answer at a time and no queue. */
  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "groundwork.security.sign-in.user-free-failures", "2",
          "groundwork.security.sign-in.user-lockout-after", "4",
          "groundwork.security.sign-in.address-free-failures", "100",
          "groundwork.security.sign-in.address-lockout-after", "200",
          "groundwork.security.sign-in.base-delay", "0s",
          "groundwork.security.sign-in.lockout", "1h",
          "groundwork.admission.answer.concurrency", "1",
          "groundwork.admission.answer.queue", "0");
    }
  }

  @Inject
  AdmissionControl admission;

  private static Response me(String user, String password) {
    return given().auth().preemptive().basic(user, password).when().get("/api/me");
  }

  private static void tooMany(Response response) {
    response.then().statusCode(429).contentType(ContentType.JSON).body("status", equalTo(429))
        .body("error", equalTo("Too Many Requests"));
    assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
  }

  @Test
  void repeatedWrongPasswordsLockTheUserAndTheLockoutIsAudited() {
    me("erin", "erin-pass").then().statusCode(200); // erin, the auditor, is signed in already
    for (int i = 0; i < 4; i++) {
      me("carol", "guess-" + i).then().statusCode(401);
    }
    Response locked = me("carol", "guess-4");
    tooMany(locked);
    assertThat(locked.path("message").toString()).contains("too many failed sign-ins");
    assertThat(Long.parseLong(locked.header("Retry-After"))).isGreaterThan(3000);
    // Even the right password waits: a lockout must not reveal a correct guess.
    tooMany(me("carol", "carol-pass"));
    // Other users are not affected.
    me("dave", "dave-pass").then().statusCode(200);
    String audit = given().auth().preemptive().basic("erin", "erin-pass")
        .queryParam("user", "carol").when().get("/api/audit").asString();
    assertThat(audit).contains("sign-in.locked").contains("\"failures\":4");
  }

  @Test
  void answeringBeyondThePoolIsRefusedAtOnce() {
    PermitPool pool = admission.pool(AdmissionControl.ANSWER);
    try (PermitPool.Permit held = pool.acquire()) {
      Response busy = given().auth().preemptive().basic("bob", "bob-pass")
          .contentType(ContentType.JSON).body("{\"question\":\"Where do I park?\"}")
          .when().post("/api/ask");
      tooMany(busy);
      busy.then().body("message", containsString("busy"));
      Response streamed = given().auth().preemptive().basic("bob", "bob-pass")
          .contentType(ContentType.JSON).accept("text/event-stream")
          .body("{\"question\":\"Where do I park?\"}").when().post("/api/ask");
      tooMany(streamed);
    }
    given().auth().preemptive().basic("bob", "bob-pass").contentType(ContentType.JSON)
        .body("{\"question\":\"Where do I park?\"}").when().post("/api/ask").then().statusCode(200);
    String metrics = given().auth().preemptive().basic("bob", "bob-pass").when()
        .get("/q/metrics").asString();
    assertThat(metrics).containsPattern(
        "groundwork_admission_rejected_total\\{pool=\"answer\",reason=\"queue_full\"} [2-9]");
  }
}
