package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The audit workspace's API: filters run in the query and an unknown one is a 400; need to know
 * (content of other groups' documents redacted, reveal with a reason, itself audited); record
 * page with integrity; access review; legal holds; PII redaction of what the trail stores; the
 * export withholding what the auditor may not read.
 * Each test uploads its own documents (an HR-only one and a public one) with facts no other
 * test uses.
 */
@QuarkusTest
@Tag("app")
class AuditWorkspaceTest {
  private static final String HR_FACT = "The Whitby relocation allowance for band L7 is 9,450"
      + " pounds, paid in two instalments.";
  private static final String PUBLIC_FACT = "The Whitby canteen serves kedgeree every"
      + " Thursday morning.";
  private static boolean uploaded;
  private static String hrDocument;
  private static long aliceRecord;
  private static long bobRecord;

  private static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, user + "-pass");
  }

  /** The first upload loads the embedding model: on a busy machine that takes a while. */
  private static RequestSpecification patiently(String user) {
    return as(user).config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
        .setParam("http.socket.timeout", 180_000)));
  }

  @SuppressWarnings("unchecked")
  @BeforeEach
  void documentsAndQuestions() {
    if (uploaded) {
      return;
    }
    patiently("erin").multiPart("file", "whitby-relocation.md", ("# Whitby relocation\n\n" + HR_FACT
            + "\n").getBytes(StandardCharsets.UTF_8)).multiPart("groups", "hr")
        .when().post("/api/ingest/uploads").then().statusCode(200)
        .body("failed.size()", equalTo(0));
    as("erin").multiPart("file", "whitby-canteen.md", ("# Whitby canteen\n\n" + PUBLIC_FACT
            + "\n").getBytes(StandardCharsets.UTF_8)).multiPart("groups", "everyone")
        .when().post("/api/ingest/uploads").then().statusCode(200)
        .body("failed.size()", equalTo(0));
    Map<String, Object> alice = patiently("alice").contentType(ContentType.JSON)
        .body(Map.of("question", "What is the Whitby relocation allowance for band L7?"))
        .when().post("/api/ask").then().statusCode(200).extract().as(Map.class);
    List<Map<String, Object>> citations = (List<Map<String, Object>>) alice.get("citations");
    assertThat(citations).isNotEmpty();
    hrDocument = (String) citations.get(0).get("documentId");
    aliceRecord = ((Number) alice.get("auditId")).longValue();
    Map<String, Object> bob = as("bob").contentType(ContentType.JSON)
        .body(Map.of("question", "What does the Whitby canteen serve on Thursday? Reply to"
            + " bob.builder@example.com"))
        .when().post("/api/ask").then().statusCode(200).extract().as(Map.class);
    bobRecord = ((Number) bob.get("auditId")).longValue();
    uploaded = true;
  }

  @Test
  void anUnknownOrBadFilterIsA400NamingIt() {
    as("erin").when().get("/api/audit?refusedx=true").then().statusCode(400)
        .contentType(ContentType.JSON)
        .body("message", equalTo("unknown filter 'refusedx'; known filters: user, group, from,"
            + " to, action, refused, verification, answerer, fallback, document, cited, q,"
            + " limit, offset"));
    as("erin").when().get("/api/audit?refused=maybe").then().statusCode(400)
        .body("message", equalTo("refused must be true or false, got 'maybe'"));
    as("erin").when().get("/api/audit?verification=odd").then().statusCode(400)
        .body("message", equalTo("verification must be flagged or removed, got 'odd'"));
    as("erin").when().get("/api/audit?user=a&user=b").then().statusCode(400)
        .body("message", equalTo("filter 'user' is given 2 times; give it once"));
    as("erin").when().get("/api/audit?from=yesterday").then().statusCode(400)
        .body("message", startsWith("'from' must be an ISO-8601 time"));
  }

  @Test
  void filtersNarrowTheListInTheQuery() {
    List<Integer> byUser = as("erin").when().get("/api/audit?user=alice&action=answer")
        .then().statusCode(200).extract().path("id");
    assertThat(byUser).contains((int) aliceRecord).doesNotContain((int) bobRecord);
    assertThat(ids("/api/audit?group=hr&action=answer")).contains(aliceRecord)
        .doesNotContain(bobRecord);
    assertThat(ids("/api/audit?document=" + hrDocument)).containsExactly(aliceRecord);
    assertThat(ids("/api/audit?cited=" + hrDocument)).containsExactly(aliceRecord);
    assertThat(ids("/api/audit?refused=false&user=bob")).contains(bobRecord);
    assertThat(ids("/api/audit?answerer=extractive&user=bob")).contains(bobRecord);
    assertThat(ids("/api/audit?answerer=llm&user=bob")).isEmpty();
    assertThat(ids("/api/audit?fallback=true&user=bob")).isEmpty();
    assertThat(ids("/api/audit?fallback=false&user=bob"))
        .as(() -> as("erin").when().get("/api/audit/" + bobRecord).asString())
        .contains(bobRecord);
    assertThat(ids("/api/audit?q=KEDGEREE")).containsExactly(bobRecord);
    // A phrase goes through as one value (a literal %20 in the path would be encoded again and
    // match nothing, so the check below would pass whatever the filter did).
    assertThat(ids("/api/audit", Map.of("q", "canteen serve"))).containsExactly(bobRecord);
    // Free text does not search content the auditor may not read, so it cannot probe it; the
    // same phrase does find the record through its metadata filters.
    assertThat(ids("/api/audit", Map.of("q", "relocation allowance", "user", "alice")))
        .doesNotContain(aliceRecord);
    assertThat(ids("/api/audit", Map.of("user", "alice", "action", "answer")))
        .contains(aliceRecord);
    List<String> actions = as("erin").when().get("/api/audit?action=admin&limit=500").then()
        .statusCode(200).extract().path("action");
    assertThat(actions).contains("ingestion.upload").doesNotContain("answer");
    as("erin").when().get("/api/audit/page?user=alice&action=answer&limit=1").then()
        .statusCode(200).body("limit", equalTo(1)).body("records.size()", equalTo(1))
        .body("total", notNullValue());
  }

  @Test
  void contentOfOtherGroupsIsRedactedUntilRevealedWithAReasonWhichIsAudited() {
    as("erin").when().get("/api/audit/" + aliceRecord).then().statusCode(200)
        .body("redacted", equalTo(true)).body("question", nullValue())
        .body("answer", nullValue()).body("citations[0].quote", nullValue())
        .body("withheldDocuments[0].documentId", equalTo(hrDocument))
        .body("withheldDocuments[0].path", equalTo("whitby-relocation.md"))
        .body("withheldDocuments[0].reason", equalTo("readable by hr"))
        .body("retrieved[0].documentId", notNullValue());
    as("erin").contentType(ContentType.JSON).body(Map.of("reason", " "))
        .when().post("/api/audit/" + aliceRecord + "/reveal").then().statusCode(400)
        .body("message", equalTo("a reveal needs a reason (why you need to read it)"));
    as("erin").contentType(ContentType.JSON).body(Map.of("reason", "case 2026-17"))
        .when().post("/api/audit/" + bobRecord + "/reveal").then().statusCode(400)
        .body("message", equalTo("record " + bobRecord + " is not redacted for you: nothing to"
            + " reveal"));
    as("erin").contentType(ContentType.JSON).body(Map.of("reason", "complaint 2026-17"))
        .when().post("/api/audit/" + aliceRecord + "/reveal").then().statusCode(200)
        .body("revealed", equalTo(true))
        .body("question", equalTo("What is the Whitby relocation allowance for band L7?"));
    as("erin").when().get("/api/audit?action=audit.reveal&user=erin").then().statusCode(200)
        .body("details.record", hasItem((int) aliceRecord))
        .body("details.reason", hasItem("complaint 2026-17"));
    as("alice").contentType(ContentType.JSON).body(Map.of("reason", "curious"))
        .when().post("/api/audit/" + aliceRecord + "/reveal").then().statusCode(403);
  }

  @Test
  void anExportWithholdsWhatTheAuditorMayNotReadEvenAfterARevealAndItsRecordSaysWhat()
      throws Exception {
    as("erin").contentType(ContentType.JSON).body(Map.of("reason", "before the export"))
        .when().post("/api/audit/" + aliceRecord + "/reveal").then().statusCode(200)
        .body("revealed", equalTo(true));
    String from = firstRecordTime();
    byte[] zip = as("erin").accept("application/zip").queryParam("from", from)
        .when().get("/api/audit/export").then().statusCode(200)
        .contentType("application/zip").extract().asByteArray();
    Map<String, String> bundle = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        bundle.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(bundle).containsKeys("manifest.json", "records.jsonl", "link-records.jsonl",
        "checkpoints.jsonl", "withheld.jsonl");
    assertThat(bundle.get("manifest.json")).contains("\"groundwork-audit-export/2\"");
    String aliceLine = bundle.get("records.jsonl").lines()
        .filter(l -> l.startsWith("{\"id\":" + aliceRecord + ",")).findFirst().orElseThrow();
    assertThat(aliceLine).doesNotContain("relocation").doesNotContain("9,450")
        .contains("\"contentDigest\":\"");
    String bobLine = bundle.get("records.jsonl").lines()
        .filter(l -> l.startsWith("{\"id\":" + bobRecord + ",")).findFirst().orElseThrow();
    assertThat(bobLine).contains("canteen");
    assertThat(bundle.get("withheld.jsonl")).contains("\"id\":" + aliceRecord + ",")
        .contains(hrDocument).contains("readable by hr").doesNotContain("\"id\":" + bobRecord + ",");

    var exports = as("erin").when().get("/api/audit?action=audit.export&user=erin&limit=1")
        .then().statusCode(200);
    exports.body("[0].details.withheldRecords", hasItem((int) aliceRecord))
        .body("[0].details.withheldDocuments", hasItem(hrDocument))
        .body("[0].details.format", equalTo("bundle"));

    String csv = as("erin").accept("text/csv").queryParam("from", from)
        .when().get("/api/audit/export").then().statusCode(200).extract().asString();
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",withheld_documents");
    String aliceRow = csv.lines().filter(l -> l.startsWith(aliceRecord + ",")).findFirst()
        .orElseThrow();
    assertThat(aliceRow).doesNotContain("allowance").doesNotContain("9,450")
        .contains("," + hrDocument + " whitby-relocation.md");
    assertThat(csv.lines().filter(l -> l.startsWith(bobRecord + ",")).findFirst()
        .orElseThrow()).contains("canteen");
    as("erin").when().get("/api/audit?action=audit.export&user=erin&limit=1").then()
        .statusCode(200).body("[0].details.format", equalTo("csv"))
        .body("[0].details.withheldRecords", hasItem((int) aliceRecord));
  }

  /** The time of the first record this class made, for an export of just its own records. */
  private static String firstRecordTime() {
    return as("erin").when().get("/api/audit/" + aliceRecord).then().statusCode(200)
        .extract().path("createdAt");
  }

  @Test
  void theRecordPageCarriesIntegrityAndPersonalDataIsRedactedInTheTrail() {
    as("erin").when().get("/api/audit/" + bobRecord + "/page").then().statusCode(200)
        .body("integrity.status", equalTo("intact")).body("integrity.problem", nullValue())
        .body("revealEnabled", equalTo(true))
        .body("record.question", equalTo("What does the Whitby canteen serve on Thursday?"
            + " Reply to [EMAIL]"))
        .body("record.details.piiRedacted.email", equalTo(1));
    as("erin").when().get("/api/audit/999999/page").then().statusCode(404);
    as("erin").when().get("/api/audit/verify").then().statusCode(200)
        .body("intact", equalTo(true));
  }

  @Test
  void accessReviewListsWhoWasAnsweredFromADocument() {
    as("erin").when().get("/api/audit/access-review?document=" + hrDocument).then()
        .statusCode(200).body("recordId", hasItem((int) aliceRecord))
        .body("find { it.recordId == " + aliceRecord + " }.user", equalTo("alice"))
        .body("find { it.recordId == " + aliceRecord + " }.cited", equalTo(true));
    as("erin").when().get("/api/audit/access-review").then().statusCode(400)
        .body("message", equalTo("document is required (a document id)"));
    as("bob").when().get("/api/audit/access-review?document=" + hrDocument).then()
        .statusCode(403);
  }

  @Test
  void legalHoldsAreSetAndLiftedAsAuditRecords() {
    as("erin").contentType(ContentType.JSON).body(Map.of("reason", "matter 9"))
        .when().post("/api/admin/holds").then().statusCode(400)
        .body("message", equalTo("a legal hold needs at least one of user, group, document,"
            + " from, to"));
    as("erin").contentType(ContentType.JSON).body(Map.of("user", "alice"))
        .when().post("/api/admin/holds").then().statusCode(400)
        .body("message", equalTo("a legal hold needs a reason (the matter or case)"));
    int hold = as("erin").contentType(ContentType.JSON)
        .body(Map.of("document", hrDocument, "reason", "matter 9"))
        .when().post("/api/admin/holds").then().statusCode(201)
        .body("document", equalTo(hrDocument)).body("active", equalTo(true))
        .body("heldRecordsListed", equalTo(1)).extract().path("id");
    as("erin").when().get("/api/admin/retention").then().statusCode(200)
        .body("periodDays", equalTo(400)).body("holds.id", hasItem(hold));
    as("erin").when().get("/api/audit/" + hold).then().statusCode(200)
        .body("action", equalTo("audit.hold-set")).body("details.reason", equalTo("matter 9"));
    as("erin").contentType(ContentType.JSON).body(Map.of("reason", ""))
        .when().post("/api/admin/holds/" + hold + "/lift").then().statusCode(400);
    as("erin").contentType(ContentType.JSON).body(Map.of("reason", "matter closed"))
        .when().post("/api/admin/holds/" + hold + "/lift").then().statusCode(200)
        .body("active", equalTo(false)).body("liftReason", equalTo("matter closed"));
    as("erin").contentType(ContentType.JSON).body(Map.of("reason", "again"))
        .when().post("/api/admin/holds/" + hold + "/lift").then().statusCode(409);
    as("erin").contentType(ContentType.JSON).body(Map.of("reason", "x"))
        .when().post("/api/admin/holds/999999/lift").then().statusCode(404);
    as("bob").when().get("/api/admin/retention").then().statusCode(403);
    as("bob").when().post("/api/admin/retention/prune").then().statusCode(403);
  }

  private static List<Long> ids(String path) {
    return ids(path, Map.of());
  }

  private static List<Long> ids(String path, Map<String, String> query) {
    var response = as("erin").queryParams(query).when().get(path);
    assertThat(response.statusCode()).as(path + ": " + response.asString()).isEqualTo(200);
    List<Number> ids = response.then().extract().path("id");
    return ids.stream().map(Number::longValue).toList();
  }
}
