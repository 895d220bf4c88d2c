package io.groundwork.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundwork.testing.PackagedApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server stops cleanly on SIGTERM: exit code 0, no stack trace, and the index and
 * database closed, so that a second start on the same data directory opens them again. The
 * signal arrives while the first start's ingestion of the sample corpus runs, the moment a stop
 * is most likely to find work in progress. Runs in {@code verify}, after {@code package}.
 */
@Tag("slow")
class ServeStopIT {
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path work;

  @Test
  void sigtermDuringIngestionEndsWithExitZeroAndTheDataDirectoryOpensAgain() throws Exception {
    Path data = work.resolve("data");
    Path firstLog = work.resolve("first.log");
    Process first = start(data, firstLog, true, PackagedApp.freePort());
    await("first ingestion started (log " + firstLog + ")").atMost(DEADLINE)
        .until(() -> Files.readString(firstLog).contains("ingesting source"));
    first.toHandle().destroy(); // SIGTERM
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    String firstOutput = Files.readString(firstLog);
    assertThat(first.exitValue()).as(firstOutput).isZero();
    assertThat(firstOutput).contains("SIGTERM received").doesNotContain("Exception")
        .doesNotContain("ERROR");

    Path secondLog = work.resolve("second.log");
    int port = PackagedApp.freePort();
    Process second = start(data, secondLog, false, port);
    try {
      await("second start ready (log " + secondLog + ")").atMost(DEADLINE).ignoreExceptions()
          .until(() -> status(port, "/q/health/ready") == 200);
      assertThat(Files.readString(secondLog)).doesNotContain("Exception");
    } finally {
      second.toHandle().destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(second.exitValue()).as(Files.readString(secondLog)).isZero();
  }

  private Process start(Path data, Path log, boolean autoIngest, int port) throws IOException {
    return PackagedApp.serve(port, Map.of("GROUNDWORK_DATA_DIR", data.toString(),
        "GROUNDWORK_INGEST_AUTO_INGEST_SAMPLES", Boolean.toString(autoIngest)), log).start();
  }

  private int status(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
