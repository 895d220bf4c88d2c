package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.testing.PackagedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files against the packaged server at the heap the deployment gives it (a 2 GiB
 * container with {@code -XX:MaxRAMPercentage=60}: 1.2 GiB, {@code -XX:+ExitOnOutOfMemoryError}):
 * a DOCX whose {@code word/document.xml} inflates to about 1 GB, and 2 MB of random bytes named
 * {@code blob.md}, each end as a recorded ingestion failure within 60 s, and the server is alive
 * and answering afterwards. Prints the time to the failure and the largest heap occupancy
 * before a garbage collection (from the server's GC log). Runs in {@code verify}, after
 * {@code package}.
 */
@Tag("slow")
class ZipBombIT {
  private static final Duration START = Duration.ofSeconds(180);
  private static final Duration RECORDED_WITHIN = Duration.ofSeconds(60);
  private static final Pattern GC = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");
  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      "erin:erin-pass".getBytes(StandardCharsets.UTF_8));

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path work;

  @Test
  void hostileFilesAreRecordedFailuresAndTheServerStaysUp() throws Exception {
    Path bomb = HostileFiles.zipBombDocx(work.resolve("bomb.docx"), 1_000_000_000L);
    Path blob = Files.write(work.resolve("blob.md"), HostileFiles.randomBytes(11, 2 << 20));
    int port = PackagedApp.freePort();
    Path log = work.resolve("server.log");
    Path gcLog = work.resolve("gc.log");
    Process server = PackagedApp.serve(port, Map.of(
            "GROUNDWORK_DATA_DIR", work.resolve("data").toString(),
            "GROUNDWORK_INGEST_AUTO_INGEST_SAMPLES", "false",
            // A busy CI machine may need longer than the pool's default 5 s to open the database.
            "QUARKUS_DATASOURCE__EMBEDDED__JDBC_ACQUISITION_TIMEOUT", "PT60S"), log,
        List.of("-Xmx1228m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog)).start();
    try {
      await("server ready (log " + log + ")").atMost(START).ignoreExceptions()
          .until(() -> get(port, "/q/health/ready").statusCode() == 200);
      for (Path file : List.of(blob, bomb)) {
        long t0 = System.nanoTime();
        HttpResponse<String> response = upload(port, file);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(server.isAlive()).as("server alive after " + file.getFileName()
            + "; log " + Files.readString(log)).isTrue();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.path("ingested").asInt()).isZero();
        assertThat(report.path("failed")).hasSize(1);
        String reason = report.path("failed").get(0).path("reason").asText();
        assertThat(seconds).as("recorded within %s", RECORDED_WITHIN)
            .isLessThan(RECORDED_WITHIN.toSeconds());
        // The failure is recorded with its run, not only answered.
        JsonNode run = json.readTree(get(port, "/api/ingest/runs/"
            + report.path("runId").asText()).body());
        assertThat(run.path("failures").get(0).path("reason").asText()).isEqualTo(reason);
        System.out.printf("%s (%d bytes): recorded failure after %.1f s, heap peak so far %d MiB"
            + " (largest heap before a GC in the GC log): %s%n", file.getFileName(),
            Files.size(file), seconds, peakHeapMiB(gcLog), reason);
      }
      assertThat(get(port, "/q/health/live").statusCode()).isEqualTo(200);
      assertThat(get(port, "/api/documents").body()).isEqualTo("[]");
    } finally {
      server.toHandle().destroy();
      server.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** The largest heap occupancy before a collection, from lines like {@code 612M->80M(1228M)}. */
  private static long peakHeapMiB(Path gcLog) throws java.io.IOException {
    Matcher m = GC.matcher(Files.readString(gcLog));
    long peak = 0;
    while (m.find()) {
      peak = Math.max(peak, Long.parseLong(m.group(1)));
    }
    return peak;
  }

  private HttpResponse<String> upload(int port, Path file) throws Exception {
    String boundary = UUID.randomUUID().toString();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"" + file.getFileName() + "\"\r\nContent-Type: application/octet-stream"
        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] content = Files.readAllBytes(file);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/ingest/uploads")).timeout(Duration.ofSeconds(120))
        .header("Authorization", ADMIN)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Authorization", ADMIN).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
