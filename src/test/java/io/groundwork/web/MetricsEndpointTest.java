package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.groundwork.deploy.KubernetesProbes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus endpoint after real work: an upload ingestion with good and bad files and a
 * question. Counters are compared before and after, so other tests in the same application do
 * not matter. Also: the probe paths of the Kubernetes Deployment answer on the running app.
 */
@QuarkusTest
@Tag("app")
class MetricsEndpointTest {
  private static String scrape() {
    return given().auth().preemptive().basic("bob", "bob-pass")
        .when().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of one series, or 0 when it is absent. */
  private static double value(String scrape, String series) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }

  private static JsonNode upload(String name, byte[] content) {
    return given().auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", name, content).multiPart("groups", "everyone")
        .when().post("/api/ingest/uploads").then().statusCode(200)
        .extract().as(JsonNode.class);
  }

  private static byte[] badFile(String name) throws IOException {
    return Files.readAllBytes(Path.of("src/test/resources/bad-files", name));
  }

  @Test
  void ingestionAndQuestionsArePublishedAsPrometheusMetrics() throws IOException {
    String before = scrape();
    String unique = UUID.randomUUID().toString().substring(0, 8);

    JsonNode good = upload("metrics-" + unique + ".md", badFile("good-note.md"));
    assertThat(good.path("ingested").asInt()).isEqualTo(1);
    int chunks = good.path("chunks").asInt();
    assertThat(chunks).isPositive();
    assertThat(upload("metrics-" + unique + ".pdf", badFile("malformed.pdf"))
        .path("failed").size()).isEqualTo(1);
    assertThat(upload("metrics-" + unique + ".txt", badFile("empty.txt"))
        .path("failed").size()).isEqualTo(1);
    assertThat(upload("metrics-" + unique + ".bin", badFile("photo.bin"))
        .path("failed").size()).isEqualTo(1);

    given().auth().preemptive().basic("bob", "bob-pass").contentType(ContentType.JSON)
        .body(Map.of("question", "How many bike storage spaces does the Leeds office have?"))
        .when().post("/api/ask").then().statusCode(200).body("refused", equalTo(false));

    String after = scrape();
    // The exposition format names a counter with or without _total in its TYPE line.
    for (String counter : new String[] {"files", "chunks", "failures", "runs"}) {
      assertThat(after).containsPattern("# TYPE groundwork_ingest_" + counter + "(_total)? counter");
    }
    assertThat(after).contains("# TYPE groundwork_stage_latency_seconds histogram");
    String[][] increments = {
        {"groundwork_ingest_files_total{outcome=\"ingested\"}", "1"},
        {"groundwork_ingest_files_total{outcome=\"failed\"}", "3"},
        {"groundwork_ingest_failures_total{reason=\"malformed\"}", "1"},
        {"groundwork_ingest_failures_total{reason=\"empty\"}", "1"},
        {"groundwork_ingest_failures_total{reason=\"unsupported_type\"}", "1"},
        {"groundwork_ingest_failures_total{reason=\"internal\"}", "0"},
        {"groundwork_ingest_chunks_total", String.valueOf(chunks)},
        {"groundwork_ingest_runs_total{status=\"completed\"}", "4"},
        {"groundwork_stage_latency_seconds_count{stage=\"ask\"}", "1"},
        {"groundwork_stage_latency_seconds_count{stage=\"answer\"}", "1"},
    };
    for (String[] increment : increments) {
      assertThat(value(after, increment[0]) - value(before, increment[0]))
          .as(increment[0]).isEqualTo(Double.parseDouble(increment[1]));
    }
    // Series that exist before any event, so that dashboards and alerts see a 0.
    assertThat(after).contains("groundwork_ingest_files_total{outcome=\"removed\"}",
        "groundwork_ingest_failures_total{reason=\"too_large\"}");
    for (String stage : new String[] {"retrieve", "embed_query", "search", "answer", "ask"}) {
      assertThat(value(after, "groundwork_stage_latency_seconds_count{stage=\"" + stage + "\"}"))
          .as(stage).isPositive();
      assertThat(after).as(stage + " histogram buckets")
          .containsPattern("groundwork_stage_latency_seconds_bucket\\{stage=\"" + stage
              + "\",le=\"[0-9.]+\"} ");
    }
  }

  @Test
  void theProbePathsOfTheKubernetesDeploymentAnswer() {
    Map<String, String> probes = KubernetesProbes.ofDeployment(Path.of("k8s/deployment.yaml"));
    assertThat(probes).containsKeys("readinessProbe", "livenessProbe", "startupProbe");
    for (Map.Entry<String, String> probe : probes.entrySet()) {
      given().when().get(probe.getValue()).then().statusCode(200)
          .body("status", equalTo("UP"));
    }
    // Prometheus scrapes with the credentials of a user (docs/deployment.md).
    String metrics = KubernetesProbes.prometheusPath(Path.of("k8s/deployment.yaml"));
    given().when().get(metrics).then().statusCode(401);
    given().auth().preemptive().basic("bob", "bob-pass").when().get(metrics).then()
        .statusCode(200);
  }
}
