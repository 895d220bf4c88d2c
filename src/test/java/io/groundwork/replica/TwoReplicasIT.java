package io.groundwork.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.contract.PostgresTestDatabase;
import io.groundwork.contract.RequiresPostgres;
import io.groundwork.testing.PackagedApp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged application (target/quarkus-app/quarkus-run.jar), on their own
 * ports and data directories, against one PostgreSQL database: what one ingests the other
 * serves; a replica killed during an ingestion catches up on restart with nothing lost or
 * doubled. Runs in {@code verify}, after {@code package}.
 */
@RequiresPostgres
class TwoReplicasIT {
  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final String ADMIN = "Basic " + Base64.getEncoder()
      .encodeToString("erin:erin-pass".getBytes(StandardCharsets.UTF_8));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Replica> replicas = new ArrayList<>();

  /** A running instance of the packaged application. */
  private record Replica(String name, Process process, int port, Path log) {}

  @AfterEach
  void stopReplicas() throws InterruptedException {
    for (Replica replica : replicas) {
      replica.process().destroy();
      replica.process().waitFor();
    }
  }

  @Test
  void replicasServeTheSameResultsAndCatchUpAfterBeingKilledDuringIngestion() throws Exception {
    Path work = Files.createTempDirectory(Path.of("target"), "replicas");
    Path docs = Files.createDirectories(work.resolve("docs"));
    for (int i = 0; i < 12; i++) {
      writeDoc(docs, i);
    }
    Path pipeline = work.resolve("pipeline.yaml");
    Files.writeString(pipeline, "sources:\n  - name: docs\n    path: docs\n"
        + "    default-groups: [everyone]\n    access:\n      - pattern: \"secret/**\"\n"
        + "        groups: [hr]\nchunking:\n  max-tokens: 256\n  overlap-tokens: 32\n");
    String url = PostgresTestDatabase.freshSchemaUrl("replicas");
    Map<String, String> common = Map.of(
        "GROUNDWORK_STORE", "postgres",
        "GROUNDWORK_DB_URL", url,
        "GROUNDWORK_DB_USER", PostgresTestDatabase.user(),
        "GROUNDWORK_INGEST_PIPELINE_FILE", pipeline.toString(),
        "GROUNDWORK_INGEST_AUTO_INGEST_SAMPLES", "false",
        "GROUNDWORK_POSTGRES_POLL_INTERVAL", "2s");

    Replica a = start("a", work, common);
    Replica b = start("b", work, common);
    awaitReady(a);
    awaitReady(b);

    // Ingest through A, query through B.
    awaitRun(a, startRun(a));
    List<String> queries = List.of("codeword7", "quarterly budget review for team 3",
        "how do I reset my password", "codeword11 policy");
    awaitSameResults(a, b, queries);
    for (int i = 0; i < 12; i++) {
      assertExactlyOnce(b, i);
    }

    // Change the source: 24 new files, one changed, one deleted; kill B while A ingests it.
    for (int i = 12; i < 36; i++) {
      writeDoc(docs, i);
    }
    Files.writeString(docs.resolve("doc-5.md"), "# Note 5\n\nRevised: codeword5 now refers to"
        + " the winter archive of the finance team.");
    Files.delete(docs.resolve("doc-2.md"));
    String run = startRun(a);
    await().atMost(DEADLINE).until(() -> get(a, "/api/ingest/runs/" + run).get("filesDone").asInt() >= 2);
    b.process().destroyForcibly();
    b.process().waitFor();
    replicas.remove(b);
    awaitRun(a, run);
    JsonNode finished = get(a, "/api/ingest/runs/" + run);
    assertThat(finished.get("ingested").asInt()).isEqualTo(25);
    assertThat(finished.get("removed").asInt()).isEqualTo(1);

    Replica b2 = start("b", work, common); // same data directory: resumes from its position
    awaitReady(b2);
    List<String> after = new ArrayList<>(queries);
    after.add("winter archive of the finance team");
    after.add("codeword30");
    awaitSameResults(a, b2, after);
    for (int i = 0; i < 36; i++) {
      if (i == 2) {
        assertThat(paths(search(b2, "codeword2", 10))).doesNotContain("doc-2.md");
      } else {
        assertExactlyOnce(b2, i);
      }
    }
    assertThat(search(b2, "codeword5", 1).get(0).get("text").asText()).contains("winter archive");
    await().atMost(DEADLINE).until(() -> indexLag(b2) == 0.0);
  }

  private static void writeDoc(Path docs, int i) throws IOException {
    String[] topics = {"quarterly budget review for team " + (i % 5),
        "how to reset your password on the staff portal", "travel booking rules for conferences",
        "office plants watering rota"};
    Files.writeString(docs.resolve("doc-" + i + ".md"), "# Note " + i + "\n\nThis note, codeword"
        + i + ", covers " + topics[i % topics.length] + ". Reference number " + (1000 + i) + ".");
  }

  private Replica start(String name, Path work, Map<String, String> env) throws IOException {
    int port = PackagedApp.freePort();
    Map<String, String> environment = new HashMap<>(env);
    environment.put("GROUNDWORK_DATA_DIR", work.resolve("data-" + name).toString());
    Path log = work.resolve(name + "-" + port + ".log");
    Replica replica = new Replica(name, PackagedApp.serve(port, environment, log).start(), port, log);
    replicas.add(replica);
    return replica;
  }

  private void awaitReady(Replica replica) {
    await("replica " + replica.name() + " ready (log " + replica.log() + ")").atMost(DEADLINE)
        .ignoreExceptions().until(() -> {
          assertThat(replica.process().isAlive()).as("replica process alive").isTrue();
          return status(replica, "/q/health/ready") == 200;
        });
  }

  private String startRun(Replica replica) throws Exception {
    HttpResponse<String> response = http.send(request(replica, "/api/ingest/runs")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"docs\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
    return JSON.readTree(response.body()).get("runId").asText();
  }

  private void awaitRun(Replica replica, String runId) throws Exception {
    await().atMost(DEADLINE).until(() -> !get(replica, "/api/ingest/runs/" + runId)
        .get("status").asText().equals("RUNNING"));
    assertThat(get(replica, "/api/ingest/runs/" + runId).get("status").asText())
        .isEqualTo("COMPLETED");
  }

  private void awaitSameResults(Replica a, Replica b, List<String> queries) {
    await("same results on both replicas").atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> {
      for (String query : queries) {
        List<String> fromA = ranking(search(a, query, 10));
        assertThat(fromA).isNotEmpty();
        assertThat(ranking(search(b, query, 10))).as(query).isEqualTo(fromA);
      }
    });
  }

  /** Doc i's code word finds its one chunk exactly once by BM25 (nothing lost, nothing doubled). */
  private void assertExactlyOnce(Replica replica, int i) throws Exception {
    List<JsonNode> hits = search(replica, "codeword" + i, 20);
    List<JsonNode> textHits = hits.stream().filter(h -> h.get("textRank").asInt() > 0).toList();
    assertThat(textHits).as("BM25 hits for codeword" + i).hasSize(1);
    assertThat(textHits.get(0).get("path").asText()).isEqualTo("doc-" + i + ".md");
    assertThat(hits.stream().map(h -> h.get("chunkId").asText())).doesNotHaveDuplicates();
  }

  private static List<String> ranking(List<JsonNode> hits) {
    return hits.stream().map(h -> h.get("chunkId").asText() + "@" + h.get("textRank").asInt()
        + "/" + h.get("vectorRank").asInt()).toList();
  }

  private static List<String> paths(List<JsonNode> hits) {
    return hits.stream().map(h -> h.get("path").asText()).toList();
  }

  private List<JsonNode> search(Replica replica, String query, int topK) throws Exception {
    JsonNode body = get(replica, "/api/search?topK=" + topK + "&q="
        + URLEncoder.encode(query, StandardCharsets.UTF_8));
    List<JsonNode> hits = new ArrayList<>();
    body.get("results").forEach(hits::add);
    return hits;
  }

  private double indexLag(Replica replica) throws Exception {
    HttpResponse<String> metrics = http.send(request(replica, "/q/metrics").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return metrics.body().lines().filter(l -> l.startsWith("groundwork_index_lag"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst().orElseThrow(() -> new AssertionError("no groundwork_index_lag metric"));
  }

  private JsonNode get(Replica replica, String path) throws Exception {
    HttpResponse<String> response = http.send(request(replica, path).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private int status(Replica replica, String path) throws Exception {
    return http.send(request(replica, path).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static HttpRequest.Builder request(Replica replica, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + path))
        .timeout(Duration.ofSeconds(30)).header("Authorization", ADMIN);
  }
}
