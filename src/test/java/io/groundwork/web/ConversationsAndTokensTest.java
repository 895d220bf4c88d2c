package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Follow-up questions in conversations, their history, and personal API tokens. */
@QuarkusTest
@Tag("app")
class ConversationsAndTokensTest {
  @Inject
  EntityManager em;

  private static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, user + "-pass");
  }

  private static boolean uploaded;

  /** Once per run, from the first test: RestAssured knows the port only inside a test. */
  @BeforeEach
  void uploadFacts() {
    if (uploaded) {
      return;
    }
    uploaded = true;
    // Facts no other test uploads, so that this test owns what the answers come from.
    upload("tarnbridge-kiln.md", "# Tarnbridge pottery kiln\n\nThe Tarnbridge pottery kiln is"
        + " fired every Thursday by the ceramics team.\n\n## Kiln safety\n\nAnyone loading the"
        + " Tarnbridge kiln must wear the grey heat-resistant gloves kept beside the kiln door.\n",
        "everyone");
    upload("tarnbridge-kiln-budget.md", "# Tarnbridge kiln budget\n\nThe Tarnbridge kiln"
        + " electricity budget is GBP 4,200 a year, approved by the finance director.\n",
        "finance");
  }

  private static void upload(String name, String text, String groups) {
    as("erin").multiPart("file", name, text.getBytes(StandardCharsets.UTF_8))
        .multiPart("groups", groups).when().post("/api/ingest/uploads").then().statusCode(200)
        .body("failed.size()", equalTo(0));
  }

  private static JsonPath ask(String user, Map<String, Object> body) {
    return as(user).contentType(ContentType.JSON).body(body).when().post("/api/ask").then()
        .statusCode(200).extract().jsonPath();
  }

  @Test
  void aFollowUpIsSearchedWithTheSubjectOfTheConversationAndAudited() {
    JsonPath first = ask("bob", Map.of("question", "When is the Tarnbridge pottery kiln fired?"));
    String conversation = first.getString("conversationId");
    assertThat(conversation).isNotBlank();
    assertThat(first.getString("answer")).contains("Thursday");

    JsonPath followUp = ask("bob", Map.of("question", "What gloves do I need for it?",
        "conversationId", conversation));
    assertThat(followUp.getString("conversationId")).isEqualTo(conversation);
    assertThat(followUp.getString("searchQuery"))
        .startsWith("What gloves do I need for it? (").contains("tarnbridge", "kiln");
    assertThat(followUp.getString("answer")).contains("grey heat-resistant gloves");
    assertThat(followUp.getString("citations[0].path")).isEqualTo("tarnbridge-kiln.md");

    // The audit record keeps the question as asked, the query searched and the conversation.
    as("erin").when().get("/api/audit/" + followUp.getLong("auditId")).then().statusCode(200)
        .body("question", equalTo("What gloves do I need for it?"))
        .body("request.searchQuery", equalTo(followUp.getString("searchQuery")))
        .body("request.conversationId", equalTo(conversation));

    as("bob").when().get("/api/conversations/" + conversation).then().statusCode(200)
        .body("conversation.title", equalTo("When is the Tarnbridge pottery kiln fired?"))
        .body("turns", hasSize(2))
        .body("turns[1].searchQuery", equalTo(followUp.getString("searchQuery")))
        .body("turns[1].citations[0].path", equalTo("tarnbridge-kiln.md"));
  }

  @Test
  void conversationsArePrivateAndCanBeDeletedWhileTheAuditKeepsTheTurns() {
    JsonPath turn = ask("carol", Map.of("question", "What is the Tarnbridge kiln budget?"));
    String conversation = turn.getString("conversationId");
    as("carol").when().get("/api/conversations").then().statusCode(200)
        .body("id", org.hamcrest.Matchers.hasItem(conversation));
    // Someone else cannot read, continue or delete it, nor tell that it exists.
    as("bob").when().get("/api/conversations/" + conversation).then().statusCode(404)
        .body("message", equalTo("no conversation " + conversation));
    as("bob").contentType(ContentType.JSON).body(Map.of("question", "And the year before?",
        "conversationId", conversation)).when().post("/api/ask").then().statusCode(404);
    as("bob").when().delete("/api/conversations/" + conversation).then().statusCode(404);

    as("carol").when().delete("/api/conversations/" + conversation).then().statusCode(204);
    as("carol").when().get("/api/conversations/" + conversation).then().statusCode(404);
    // (erin holds no finance group: the record's content is redacted for her, the record stays)
    as("erin").when().get("/api/audit/" + turn.getLong("auditId")).then().statusCode(200)
        .body("user", equalTo("carol"));
    as("carol").when().get("/api/conversations?limit=0").then().statusCode(400);
  }

  @Test
  void aPersonalTokenActsWithItsOwnersGroupsAndRolesUntilRevoked() {
    JsonPath created = as("carol").contentType(ContentType.JSON)
        .body(Map.of("name", "laptop script", "expiresInDays", 30))
        .when().post("/api/tokens").then().statusCode(201)
        .body("token", org.hamcrest.Matchers.startsWith("gwp_"))
        .body("expiresAt", notNullValue()).extract().jsonPath();
    String token = created.getString("token");
    String id = created.getString("id");

    given().auth().oauth2(token).when().get("/api/me").then().statusCode(200)
        .body("name", equalTo("carol")).body("groups", org.hamcrest.Matchers.hasItem("finance"));
    given().auth().oauth2(token).when().get("/api/search?q=Tarnbridge+kiln+electricity+budget")
        .then().statusCode(200).body("results.path", org.hamcrest.Matchers.hasItem(
            "tarnbridge-kiln-budget.md"));
    given().auth().oauth2(token).when().get("/api/audit").then().statusCode(403);
    // A token cannot make or revoke tokens.
    given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "more"))
        .when().post("/api/tokens").then().statusCode(403);

    as("carol").when().get("/api/tokens").then().statusCode(200)
        .body("find { it.id == '" + id + "' }.state", equalTo("active"))
        .body("find { it.id == '" + id + "' }.token", nullValue());
    as("bob").when().delete("/api/tokens/" + id).then().statusCode(404);
    as("carol").when().delete("/api/tokens/" + id).then().statusCode(204);
    given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    as("carol").when().get("/api/tokens").then()
        .body("find { it.id == '" + id + "' }.state", equalTo("revoked"));

    // Both actions are in the audit trail.
    String actions = as("erin").when().get("/api/audit?user=carol&limit=50").then()
        .statusCode(200).extract().asString();
    assertThat(actions).contains("token.created", "token.revoked", id);
  }

  @Test
  void expiredAndMalformedTokensAreRefusedAndBadRequestsExplained() {
    String token = as("alice").contentType(ContentType.JSON).body(Map.of("name", "soon gone"))
        .when().post("/api/tokens").then().statusCode(201).extract().path("token");
    given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
    QuarkusTransaction.requiringNew().run(() -> em.createQuery(
            "update ApiTokenEntity t set t.expiresAt = :past where t.owner = 'alice'")
        .setParameter("past", OffsetDateTime.now().minusMinutes(1)).executeUpdate());
    given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    given().auth().oauth2("gwp_" + "A".repeat(43)).when().get("/api/me").then().statusCode(401);
    given().auth().oauth2("gwp_short").when().get("/api/me").then().statusCode(401);

    as("alice").contentType(ContentType.JSON).body(Map.of("name", "x", "expiresInDays", 0))
        .when().post("/api/tokens").then().statusCode(400)
        .body("message", equalTo("expiresInDays must be between 1 and 365, got 0"));
    as("alice").contentType(ContentType.JSON).body(Map.of("name", "<script>"))
        .when().post("/api/tokens").then().statusCode(400)
        .body("message", containsString("name must be"));
  }
}
