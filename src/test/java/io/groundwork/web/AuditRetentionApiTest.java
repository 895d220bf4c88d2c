package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Retention through the admin API with a one-second period: old answers lose their content, a
 * legal hold keeps bob's, the pruning is a record naming what it pruned, and the chain still
 * verifies. With revealing switched off, a reveal is a 409.
 */
@QuarkusTest
@TestProfile(AuditRetentionApiTest.ShortRetention.class)
@Tag("app")
class AuditRetentionApiTest {
  /** A one-second retention period and no reveal. */
  public static class ShortRetention implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("groundwork.retention.period", "1s",
          "groundwork.audit.reveal-enabled", "false");
    }
  }

  private static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, user + "-pass");
  }

  private static long ask(String user, String question) {
    return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("question", question))
        .when().post("/api/ask").then().statusCode(200).extract().path("auditId")).longValue();
  }

  @Test
  void pruningEmptiesOldContentExceptUnderAHoldAndTheChainStillVerifies() {
    long bobs = ask("bob", "How do I book a meeting room in Scarborough?");
    long carols = ask("carol", "How do I book a meeting room in Scarborough?");
    int hold = as("erin").contentType(ContentType.JSON)
        .body(Map.of("user", "bob", "reason", "dispute 4"))
        .when().post("/api/admin/holds").then().statusCode(201).extract().path("id");
    OffsetDateTime asked = OffsetDateTime.parse(as("erin").when().get("/api/audit/" + carols)
        .then().extract().path("createdAt"));
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> Instant.now().isAfter(asked.toInstant().plusSeconds(1)));

    Map<String, Object> report = as("erin").when().post("/api/admin/retention/prune").then()
        .statusCode(200).extract().as(Map.class);
    assertThat(((Number) report.get("pruned")).intValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Number) report.get("held")).intValue()).isGreaterThanOrEqualTo(1);
    long pruning = ((Number) report.get("recordId")).longValue();

    as("erin").when().get("/api/audit/" + carols).then().statusCode(200)
        .body("pruned", equalTo(true)).body("question", nullValue())
        .body("user", equalTo("carol"));
    as("erin").when().get("/api/audit/" + carols + "/page").then()
        .body("integrity.status", equalTo("pruned"));
    as("erin").when().get("/api/audit/" + bobs).then().statusCode(200)
        .body("pruned", equalTo(false))
        .body("question", equalTo("How do I book a meeting room in Scarborough?"));
    Map<String, Object> details = as("erin").when().get("/api/audit/" + pruning).then()
        .statusCode(200).body("action", equalTo("audit.retention-prune")).extract()
        .path("details");
    assertThat(details).containsKeys("before", "pruned", "held", "holdsInForce", "period");
    assertThat((List<Integer>) details.get("holdsInForce")).contains(hold);
    List<String> actions = as("erin").when().get("/api/audit?action=audit.retention-change")
        .then().extract().path("details.period");
    assertThat(actions).contains("PT1S");
    as("erin").when().get("/api/audit/verify").then().statusCode(200)
        .body("intact", equalTo(true));

    as("erin").contentType(ContentType.JSON).body(Map.of("reason", "x"))
        .when().post("/api/audit/" + carols + "/reveal").then().statusCode(409)
        .body("message", equalTo("revealing redacted records is switched off"
            + " (groundwork.audit.reveal-enabled=false)"));
  }
}
