package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.groundwork.core.AccessGroups;
import io.groundwork.ingest.FileOutcome;
import io.groundwork.ingest.IngestionListener;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While an ingestion run is in progress, every answer says how far it is, so that a refusal
 * during the first ingestion is not mistaken for "the knowledge base does not know"; once the
 * run is over, answers say nothing about indexing.
 */
@QuarkusTest
@Tag("app")
class IndexingProgressTest {
  @Inject
  IngestionService ingestion;

  @TempDir
  Path folder;

  @Test
  void answersDuringARunSayHowManyFilesAreIndexed() throws Exception {
    Files.writeString(folder.resolve("heron-rota.md"), "# Heron rota\n\n"
        + "The heron rota for the Whitby depot changes every fortnight on a Thursday.");
    Files.writeString(folder.resolve("heron-keys.md"), "# Heron keys\n\n"
        + "Keys for the Whitby depot heron store are kept in the blue safe.");
    CountDownLatch firstFileDone = new CountDownLatch(1);
    CountDownLatch carryOn = new CountDownLatch(1);
    IngestionListener pauseAfterFirstFile = new IngestionListener() {
      @Override
      public void fileDone(String path, FileOutcome outcome, String detail) {
        firstFileDone.countDown();
        try {
          assertThat(carryOn.await(60, TimeUnit.SECONDS)).as("test released the run").isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    ExecutorService runner = Executors.newSingleThreadExecutor(
        task -> new Thread(task, "indexing-progress-test-run"));
    try {
      Future<List<IngestionReport>> run = runner.submit(() -> ingestion.runPaths(List.of(folder),
          Set.of(AccessGroups.EVERYONE), "test", pauseAfterFirstFile));
      assertThat(firstFileDone.await(60, TimeUnit.SECONDS)).as("first file ingested").isTrue();

      ask("When does the heron rota change?")
          .body("indexing.filesDone", equalTo(1))
          .body("indexing.filesTotal", equalTo(2))
          .body("indexing.message", startsWith("Still indexing: 1 of 2 files of source "));

      carryOn.countDown();
      assertThat(run.get(60, TimeUnit.SECONDS)).singleElement()
          .satisfies(report -> assertThat(report.ingested()).isEqualTo(2));
    } finally {
      carryOn.countDown();
      runner.shutdownNow();
    }
    ask("When does the heron rota change?").body("indexing", nullValue());
  }

  private static io.restassured.response.ValidatableResponse ask(String question) {
    return given().auth().preemptive().basic("bob", "bob-pass").contentType(ContentType.JSON)
        .body("{\"question\":\"" + question + "\"}").when().post("/api/ask").then()
        .statusCode(200);
  }
}
