package io.groundwork.draft;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.groundwork.ingest.IngestionService;
import io.groundwork.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The drafting API over the sample corpus: who may draft, bad input, a ticket with several asks
 * (one that nothing answers, one that only an internal document answers), the approval gate with
 * and without four eyes, feedback on drafts and answers, and the content gaps they feed.
 */
@QuarkusTest
@TestProfile(DraftingProfile.class)
@Tag("app")
class DraftsApiTest {
  private static final String TICKET = """
      Hi,

      We renewed our annual plan 10 days ago but nobody has used Flow since. Can we get a refund?
      Also, how long does the account lock last after too many wrong passwords?
      How quickly does engineering acknowledge an S1 critical escalation?
      Finally, do you sponsor our office football team?

      Thanks,
      Maria Lopez
      maria.lopez@example.com, +44 7700 900123
      """;

  @Inject
  IngestionService ingestion;

  @Inject
  DraftRepository drafts;

  @Inject
  Drafting drafting;

  @Inject
  io.groundwork.audit.AuditTrail audit;

  @BeforeEach
  void samples() {
    assertThat(DraftingProfile.ingestSamples(ingestion)).isGreaterThanOrEqualTo(40);
  }

  private static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, user + "-pass").contentType(ContentType.JSON);
  }

  private static Map<String, Object> draft(String user, Map<String, Object> ticket) {
    return as(user).body(ticket).when().post("/api/drafts").then().statusCode(200)
        .extract().jsonPath().getMap("$");
  }

  private static Map<String, Object> ticket(String body) {
    return Map.of("subject", "Refund and account questions", "body", body,
        "customer", Map.of("name", "Maria", "plan", "Team"));
  }

  @Test
  void onlyAgentsDraftAndOnlyAdminsSeeContentGaps() {
    as("bob").body(ticket(TICKET)).when().post("/api/drafts").then().statusCode(403)
        .body("message", equalTo("you are not allowed to do this"));
    as("erin").when().get("/api/drafts").then().statusCode(403);
    as("bob").body(Map.of("finalText", "x")).when().post("/api/drafts/abc/approve").then()
        .statusCode(403);
    as("sam").when().get("/api/admin/content-gaps").then().statusCode(403);
    given().when().get("/api/drafts").then().statusCode(401);
  }

  @Test
  void badInputGetsAClearError() {
    as("sam").body(Map.of("subject", "x")).when().post("/api/drafts").then().statusCode(400)
        .body("message", equalTo("body must not be blank"));
    as("sam").body(Map.of("body", "Can I get a refund?", "tone", "shouty")).when()
        .post("/api/drafts").then().statusCode(400)
        .body("message", equalTo("tone must be 'friendly' or 'formal', got 'shouty'"));
    as("sam").body(Map.of("body", 42)).when().post("/api/drafts").then().statusCode(400);
    as("sam").body("[1]").when().post("/api/drafts").then().statusCode(400);
    as("sam").body(Map.of("body", "x".repeat(20001))).when().post("/api/drafts").then()
        .statusCode(400).body("message", startsWith("body must be at most 20000 characters"));
    String id = (String) draft("sam", ticket("How long does the account lock last?")).get("id");
    as("sam").body(Map.of("finalText", " ")).when().post("/api/drafts/" + id + "/approve").then()
        .statusCode(400).body("message", equalTo("finalText must not be blank"));
    as("sam").body(Map.of("rating", "great")).when().post("/api/drafts/" + id + "/feedback")
        .then().statusCode(400).body("message", startsWith("rating must be one of helpful,"));
    as("sam").when().get("/api/drafts/" + id).then().statusCode(200)
        .body("status", equalTo("draft"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aTicketWithSeveralAsksGetsACitedCustomerSafeDraft() {
    Map<String, Object> draft = draft("sam", ticket(TICKET));
    List<Map<String, Object>> asks = (List<Map<String, Object>>) draft.get("asks");
    assertThat(asks).extracting(a -> a.get("text")).allSatisfy(text ->
        assertThat((String) text).doesNotContain("@").doesNotContain("7700"));
    Map<String, Object> refund = ask(asks, "refund");
    Map<String, Object> lock = ask(asks, "lock");
    Map<String, Object> escalation = ask(asks, "engineering");
    Map<String, Object> football = ask(asks, "football");
    assertThat(refund.get("covered")).isEqualTo(true);
    assertThat(lock.get("covered")).isEqualTo(true);
    // Only the internal escalation guide answers this; a reply to a customer may not cite it.
    assertThat(escalation.get("covered")).isEqualTo(false);
    assertThat(football.get("covered")).isEqualTo(false);

    List<Map<String, Object>> citations = (List<Map<String, Object>>) draft.get("citations");
    assertThat(citations).isNotEmpty().allSatisfy(c -> assertThat((String) c.get("path"))
        .matches("support/macro-.*|product/[^/]*"));
    assertThat(citations).extracting(c -> (String) c.get("url"))
        .allSatisfy(url -> assertThat(url).startsWith("/view.html?doc="));
    List<Map<String, Object>> sentences = (List<Map<String, Object>>) draft.get("sentences");
    assertThat(sentences).filteredOn(s -> s.get("kind").equals("answer")).isNotEmpty()
        .allSatisfy(s -> assertThat((List<Integer>) s.get("citations")).isNotEmpty());
    int escalationIndex = asks.indexOf(escalation);
    assertThat(sentences).noneMatch(s -> ((Integer) s.get("ask")) == escalationIndex);
    assertThat(sentences).extracting(s -> s.get("kind")).contains("greeting", "holding", "closing");
    String text = (String) draft.get("text");
    assertThat(text).startsWith("Hi Maria,").contains("30 minutes").endsWith("sam");

    // The agent can still read the internal guide in the Ask workspace.
    List<Map<String, Object>> answerCitations = as("sam")
        .body(Map.of("question", "How quickly does engineering acknowledge an S1 critical escalation?"))
        .when().post("/api/ask").then().statusCode(200).extract().jsonPath().getList("citations");
    assertThat(answerCitations).extracting(c -> c.get("path"))
        .contains("support/escalation-to-engineering.docx");

    String id = (String) draft.get("id");
    as("sam").when().get("/api/drafts/" + id).then().statusCode(200).body("text", equalTo(text));
    as("sam").when().get("/api/drafts").then().statusCode(200)
        .body("recent.id", org.hamcrest.Matchers.hasItem(id));
    as("kim").when().get("/api/drafts/" + id).then().statusCode(404)
        .body("message", equalTo("no draft " + id));
    as("erin").when().get("/api/audit/" + draft.get("auditId")).then().statusCode(200)
        .body("action", equalTo("draft.created"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void approvalRecordsTheFinalTextItsDiffAndTheCitedSentencesThatSurvived() {
    Map<String, Object> draft = draft("sam", ticket(
        "Can we get a refund of our annual renewal? How long does the account lock last?"));
    String id = (String) draft.get("id");
    String text = (String) draft.get("text");
    List<Map<String, Object>> cited = ((List<Map<String, Object>>) draft.get("sentences")).stream()
        .filter(s -> s.get("kind").equals("answer")).toList();
    assertThat(cited).hasSizeGreaterThanOrEqualTo(2);
    String dropped = (String) cited.getFirst().get("text");
    String edited = text.replace(dropped, "").replace("Hi Maria,", "Hello Maria,");

    as("kim").body(Map.of("finalText", edited)).when().post("/api/drafts/" + id + "/approve")
        .then().statusCode(404);
    ValidatableResponse approved = as("sam").body(Map.of("finalText", edited)).when()
        .post("/api/drafts/" + id + "/approve").then().statusCode(200)
        .body("status", equalTo("approved")).body("draft.approval.approvedBy", equalTo("sam"));
    int auditId = approved.extract().path("auditId");
    Map<String, Object> record = as("erin").when().get("/api/audit/" + auditId).then()
        .statusCode(200).body("action", equalTo("draft.approved")).extract().jsonPath()
        .getMap("details");
    assertThat(record.get("approver")).isEqualTo("sam");
    assertThat(record.get("finalText")).isEqualTo(edited.strip());
    assertThat((List<String>) record.get("diff")).contains("- Hi Maria,", "+ Hello Maria,");
    List<Map<String, Object>> survived = (List<Map<String, Object>>) record.get("citedSentences");
    assertThat(survived).hasSize(cited.size());
    assertThat(survived.getFirst().get("survived")).isEqualTo(false);
    assertThat(survived.subList(1, survived.size()))
        .allSatisfy(s -> assertThat(s.get("survived")).isEqualTo(true));

    as("sam").body(Map.of("finalText", edited)).when().post("/api/drafts/" + id + "/approve")
        .then().statusCode(409).body("message", startsWith("draft " + id + " was already approved"));
    as("sam").body(Map.of("finalText", "x")).when().post("/api/drafts/nope/approve").then()
        .statusCode(404).body("message", equalTo("no draft nope"));
  }

  @Test
  void fourEyesNeedsASecondAgentToApproveTheSameText() {
    Map<String, Object> draft = draft("sam", ticket("How long does the account lock last?"));
    String id = (String) draft.get("id");
    String text = (String) draft.get("text");
    DraftApprovals fourEyes = new DraftApprovals(drafts, drafting, audit, fourEyesConfig());
    Caller sam = new Caller("sam", Set.of("support"), Set.of("agent"));
    Caller kim = new Caller("kim", Set.of("support"), Set.of("agent"));

    DraftApprovals.Result first = QuarkusTransaction.requiringNew()
        .call(() -> fourEyes.approve(sam, id, text));
    assertThat(first.status()).isEqualTo("awaiting-second-approval");
    // Waiting for a second approval, the draft is visible to other agents and listed for them.
    as("kim").when().get("/api/drafts").then().statusCode(200)
        .body("awaitingYourApproval.id", org.hamcrest.Matchers.hasItem(id));
    as("kim").when().get("/api/drafts/" + id).then().statusCode(200)
        .body("status", equalTo("awaiting-second-approval"));
    as("sam").when().get("/api/drafts").then()
        .body("awaitingYourApproval.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> QuarkusTransaction
        .requiringNew().call(() -> fourEyes.approve(sam, id, text))))
        .isInstanceOf(DraftApprovals.ConflictException.class)
        .hasMessage("draft " + id + " needs a second approver other than sam");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> QuarkusTransaction
        .requiringNew().call(() -> fourEyes.approve(kim, id, text + " Something else."))))
        .isInstanceOf(DraftApprovals.ConflictException.class)
        .hasMessageStartingWith("the text differs from the one sam approved");
    DraftApprovals.Result second = QuarkusTransaction.requiringNew()
        .call(() -> fourEyes.approve(kim, id, text));
    assertThat(second.status()).isEqualTo("approved");
    assertThat(second.draft().approval().firstApprover()).isEqualTo("sam");
    assertThat(second.draft().approval().approvedBy()).isEqualTo("kim");
    as("erin").when().get("/api/audit/" + first.auditId()).then()
        .body("action", equalTo("draft.first-approval"));
    as("erin").when().get("/api/audit/" + second.auditId()).then()
        .body("action", equalTo("draft.approved")).body("details.firstApprover", equalTo("sam"))
        .body("details.step", equalTo("second"));
  }

  @Test
  void feedbackOnDraftsAndAnswersIsAuditedAndFeedsTheContentGaps() {
    Map<String, Object> draft = draft("sam", ticket(
        "Do you offer a discount for our office football team sponsorship? How long does the account lock last?"));
    String id = (String) draft.get("id");
    int draftFeedback = as("sam").body(Map.of("rating", "outdated", "comment", "lock is 60 min now"))
        .when().post("/api/drafts/" + id + "/feedback").then().statusCode(200)
        .extract().path("auditId");
    as("erin").when().get("/api/audit/" + draftFeedback).then()
        .body("action", equalTo("feedback.given")).body("details.rating", equalTo("outdated"));
    as("kim").body(Map.of("rating", "helpful")).when().post("/api/drafts/" + id + "/feedback")
        .then().statusCode(404);

    int answerId = as("bob").body(Map.of("question", "How long does a Flow account lock last?"))
        .when().post("/api/ask").then().statusCode(200).extract().path("auditId");
    as("bob").body(Map.of("rating", "wrong-source", "comment", "cites the macro"))
        .when().post("/api/answers/" + answerId + "/feedback").then().statusCode(200);
    as("alice").body(Map.of("rating", "helpful")).when()
        .post("/api/answers/" + answerId + "/feedback").then().statusCode(404)
        .body("message", equalTo("no answer " + answerId));
    as("bob").body(Map.of("rating", "helpful")).when().post("/api/answers/nope/feedback").then()
        .statusCode(404);

    Map<String, Object> gaps = as("erin").when().get("/api/admin/content-gaps").then()
        .statusCode(200).extract().jsonPath().getMap("$");
    assertThat(gaps.get("uncoveredAsks").toString()).contains("football");
    assertThat(gaps.get("flaggedDocuments").toString()).contains("support/macro-password-locked.txt");
    as("erin").when().get("/api/admin/content-gaps?limit=0").then().statusCode(400);
  }

  private static Map<String, Object> ask(List<Map<String, Object>> asks, String word) {
    return asks.stream().filter(a -> ((String) a.get("text")).contains(word)).findFirst()
        .orElseThrow(() -> new AssertionError("no ask about " + word + " in " + asks));
  }

  private static DraftingConfig fourEyesConfig() {
    return new DraftingConfig() {
      @Override
      public boolean fourEyes() {
        return true;
      }

      @Override
      public int maxAsks() {
        return 6;
      }

      @Override
      public int maxTicketLength() {
        return 20000;
      }

      @Override
      public int topK() {
        return 8;
      }

      @Override
      public int embeddingCacheSize() {
        return 100;
      }

      @Override
      public List<String> staffOnlyPhrases() {
        return List.of("macro");
      }
    };
  }
}
