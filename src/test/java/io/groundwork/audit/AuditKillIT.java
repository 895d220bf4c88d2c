package io.groundwork.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.testing.PackagedApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.groundwork.contract.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged application (target/quarkus-app/quarkus-run.jar, signed trail; embedded
 * store, and PostgreSQL store mode when PostgreSQL with pgvector is there) with SIGKILL during a burst of questions: after a restart every audit id a client
 * received exists, the server's verification passes, and the offline verifier agrees with the
 * checkpoint log. Runs in {@code verify}, after {@code package}.
 */
@Tag("slow")
class AuditKillIT {
  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
      process.waitFor();
    }
  }

  @Test
  void embeddedStoreLosesNoAcknowledgedRecord() throws Exception {
    Path work = Files.createTempDirectory(Path.of("target"), "audit-kill").toAbsolutePath();
    killDuringBurst(work, Map.of("GROUNDWORK_DATA_DIR", work.resolve("data").toString()),
        List.of("--data-dir", work.resolve("data").toString()));
  }

  @Test
  void postgresStoreLosesNoAcknowledgedRecord() throws Exception {
    AuditPostgres.assumeAvailable();
    Path work = Files.createTempDirectory(Path.of("target"), "audit-kill-pg").toAbsolutePath();
    String url = PostgresTestDatabase.freshSchemaUrl("audit_kill");
    String user = PostgresTestDatabase.user();
    killDuringBurst(work, Map.of("GROUNDWORK_DATA_DIR", work.resolve("data").toString(),
        "GROUNDWORK_STORE", "postgres", "GROUNDWORK_DB_URL", url, "GROUNDWORK_DB_USER", user),
        List.of("--db-url", url, "--db-user", user));
  }

  private void killDuringBurst(Path work, Map<String, String> store, List<String> verifyStore)
      throws Exception {
    KeyPair keys = SigningKeys.generate();
    Path key = work.resolve("audit-signing-key.pem");
    Files.writeString(key, SigningKeys.privatePem(keys));
    Path publicKey = work.resolve("audit-public-key.pem");
    Files.writeString(publicKey, SigningKeys.publicPem(keys.getPublic()));
    Map<String, String> env = new java.util.HashMap<>(store);
    env.putAll(Map.of(
        "GROUNDWORK_INGEST_AUTO_INGEST_SAMPLES", "false",
        "GROUNDWORK_AUDIT_SIGNING_KEY_FILE", key.toString(),
        "GROUNDWORK_AUDIT_CHECKPOINT_DIR", work.resolve("checkpoints").toString(),
        "GROUNDWORK_AUDIT_CHECKPOINT_EVERY", "10",
        "GROUNDWORK_AUDIT_CHECKPOINT_INTERVAL", "1s"));

    int port = PackagedApp.freePort();
    Process server = start(env, port, work.resolve("server-1.log"));
    awaitReady(server, port);
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService askers = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      int asker = t;
      askers.execute(() -> {
        for (int i = 0; !stop.get(); i++) {
          try {
            HttpResponse<String> response = http.send(request(port, "/api/ask", "bob")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"Where is the bike"
                    + " storage, asker " + asker + " question " + i + "?\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
              acknowledged.add(JSON.readTree(response.body()).get("auditId").asLong());
            }
          } catch (IOException | InterruptedException e) {
            return; // the server is gone
          }
        }
      });
    }
    await().atMost(DEADLINE).until(() -> acknowledged.size() >= 80);
    server.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint
    server.waitFor();
    stop.set(true);
    askers.shutdown();
    assertThat(askers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    processes.remove(server);

    Process restarted = start(env, port, work.resolve("server-2.log"));
    awaitReady(restarted, port);
    for (long id : acknowledged) {
      HttpResponse<String> record = http.send(request(port, "/api/audit/" + id, "erin").GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(record.statusCode()).as("audit record " + id).isEqualTo(200);
    }
    JsonNode verification = JSON.readTree(http.send(request(port, "/api/audit/verify", "erin")
        .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.get("signed").asBoolean()).isTrue();
    restarted.destroy();
    restarted.waitFor();
    processes.remove(restarted);

    List<String> command = PackagedApp.command("audit", "verify", "--public-key",
        publicKey.toString(), "--checkpoints", work.resolve("checkpoints").toString());
    command.addAll(verifyStore);
    // An auditor runs the verifier wherever the jar is, without the project's pipeline or prompts.
    ProcessBuilder offline = new ProcessBuilder(command).directory(work.toFile());
    offline.environment().put("GROUNDWORK_DATA_DIR", work.resolve("cli-data").toString());
    Path log = work.resolve("verify.log");
    offline.redirectErrorStream(true).redirectOutput(log.toFile());
    Process verify = offline.start();
    assertThat(verify.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(verify.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("intact: ");
  }

  private Process start(Map<String, String> env, int port, Path log) throws IOException {
    Process process = PackagedApp.serve(port, env, log).start();
    processes.add(process);
    return process;
  }

  private void awaitReady(Process process, int port) {
    await("server ready").atMost(DEADLINE).ignoreExceptions().until(() -> {
      assertThat(process.isAlive()).as("server process alive").isTrue();
      return http.send(request(port, "/q/health/ready", "bob").GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    });
  }

  private static HttpRequest.Builder request(int port, String path, String user) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8)));
  }
}
