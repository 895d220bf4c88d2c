package io.groundwork.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.groundwork.core.Hashes;
import io.groundwork.ingest.IngestionListener;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole path on the sample corpus: ingest it, ask questions whose right source is known,
 * check refusals, and check that nobody outside {@code hr} ever sees an {@code hr} document.
 * Slow (a minute or more): left out of {@code -Pfast}.
 */
@QuarkusTest
@TestProfile(SampleCorpusEndToEndTest.OwnDataDirectory.class)
@Tag("slow")
class SampleCorpusEndToEndTest {
  /** The sample corpus alone in a data directory of its own: no other test's documents. */
  public static class OwnDataDirectory implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("groundwork.data-dir", "target/test-data/e2e-" + UUID.randomUUID());
    }
  }

  private static final Logger LOG = Logger.getLogger(SampleCorpusEndToEndTest.class);
  private static final String HR_ONLY = "hr/confidential/";
  private static boolean ingested;

  @Inject
  IngestionService ingestion;

  record Question(String question, String user, String source) {}

  record QuestionFile(List<Question> questions, List<Question> unanswerable,
      List<Question> hrLeakProbes) {}

  static QuestionFile questions() throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .readValue(Path.of("src/test/resources/e2e/questions.yaml").toFile(), QuestionFile.class);
  }

  @BeforeEach
  void ingestSamplesOnce() {
    synchronized (SampleCorpusEndToEndTest.class) {
      if (!ingested) {
        IngestionReport report = ingestion.runSource("samples", "test", IngestionListener.NONE);
        LOG.infof("sample corpus: %d files ingested, %d chunks, %d failed in %d ms",
            report.ingested(), report.chunks(), report.failed().size(), report.millis());
        assertThat(report.failed()).isEmpty();
        assertThat(report.ingested() + report.unchanged()).isGreaterThanOrEqualTo(40);
        ingested = true;
      }
    }
  }

  private static Map<String, Object> ask(String user, String question) {
    return given().auth().preemptive().basic(user, user + "-pass").contentType(ContentType.JSON)
        .body(Map.of("question", question)).when().post("/api/ask").then().statusCode(200)
        .extract().as(Map.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
    return (List<Map<String, Object>>) body.get(key);
  }

  @Test
  void firstCitationComesFromTheRightDocument() throws IOException {
    List<Question> questions = questions().questions();
    assertThat(questions).hasSizeGreaterThanOrEqualTo(15);
    SoftAssertions soft = new SoftAssertions();
    List<Double> latencies = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Question q : questions) {
      long start = System.nanoTime();
      Map<String, Object> answer = ask(q.user(), q.question());
      latencies.add((System.nanoTime() - start) / 1e6);
      // The refusal threshold is calibrated for refusal F1 on the development set, so it trades a
      // few refusals of answerable questions (eval-answers measures the rate); a refusal must
      // still point at the right document as its closest passage.
      List<Map<String, Object>> citations = list(answer, "citations");
      if (Boolean.TRUE.equals(answer.get("refused"))) {
        refused.add(q.question());
        citations = list(answer, "closestPassages");
        soft.assertThat(citations).as("closest passages of refused: %s", q.question()).isNotEmpty();
      }
      if (!citations.isEmpty()) {
        soft.assertThat(citations.getFirst().get("path")).as("first citation for: %s -> %s",
            q.question(), answer.get("answer")).isEqualTo(q.source());
      }
    }
    soft.assertThat(refused.size()).as("answerable questions refused: %s", refused)
        .isLessThanOrEqualTo(questions.size() / 10);
    Collections.sort(latencies);
    LOG.infof("/api/ask over %d questions: p50 %.0f ms, p95 %.0f ms", latencies.size(),
        latencies.get(latencies.size() / 2),
        latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1));
    soft.assertAll();
  }

  @Test
  void questionsNobodysDocumentsAnswerAreRefused() throws IOException {
    SoftAssertions soft = new SoftAssertions();
    for (Question q : questions().unanswerable()) {
      Map<String, Object> answer = ask(q.user(), q.question());
      soft.assertThat(answer.get("refused")).as("%s -> %s", q.question(), answer.get("answer"))
          .isEqualTo(true);
      soft.assertThat(list(answer, "citations")).as(q.question()).isEmpty();
    }
    soft.assertAll();
  }

  @Test
  void usersOutsideHrNeverSeeHrDocuments() throws IOException {
    QuestionFile file = questions();
    List<Question> probes = new ArrayList<>(file.hrLeakProbes());
    file.questions().stream().filter(q -> q.source().startsWith(HR_ONLY))
        .map(q -> new Question(q.question(), "bob", null)).forEach(probes::add);
    for (String outsider : List.of("bob", "carol", "dave", "erin")) {
      for (Question probe : probes) {
        List<Map<String, Object>> hits = given().auth().preemptive()
            .basic(outsider, outsider + "-pass").queryParam("q", probe.question())
            .queryParam("topK", 50).when().get("/api/search").then().statusCode(200)
            .extract().path("results");
        assertThat(hits).extracting(h -> (String) h.get("path"))
            .noneMatch(p -> p.startsWith(HR_ONLY));
        Map<String, Object> answer = ask(outsider, probe.question());
        assertThat(list(answer, "citations")).extracting(c -> (String) c.get("path"))
            .noneMatch(p -> p.startsWith(HR_ONLY));
        assertThat(list(answer, "retrieved")).extracting(c -> (String) c.get("path"))
            .noneMatch(p -> p.startsWith(HR_ONLY));
      }
      List<Map<String, Object>> documents = given().auth().preemptive()
          .basic(outsider, outsider + "-pass").when().get("/api/documents").then()
          .statusCode(200).extract().as(List.class);
      assertThat(documents).extracting(d -> (String) d.get("path"))
          .isNotEmpty().noneMatch(p -> p.startsWith(HR_ONLY));
    }
    // The same questions do reach hr documents for a member of hr, so the probes are real.
    for (Question q : file.questions()) {
      if (q.source().startsWith(HR_ONLY)) {
        String id = Hashes.documentId("samples", q.source());
        given().auth().preemptive().basic("bob", "bob-pass").when().get("/api/documents/" + id)
            .then().statusCode(404);
        given().auth().preemptive().basic("alice", "alice-pass").when()
            .get("/api/documents/" + id).then().statusCode(200);
      }
    }
  }
}
