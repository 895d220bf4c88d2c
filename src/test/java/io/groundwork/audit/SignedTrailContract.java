package io.groundwork.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The signed trail in a running application, against each store (one subclass per store):
 * checkpoints signed in the background, {@code /api/audit/verify}, export bundles and CSV, and
 * administrative actions as records.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SignedTrailContract {
  @Inject
  AuditTrail trail;

  @Inject
  Checkpointer checkpointer;

  @Inject
  AuditDatabase database;

  @ConfigProperty(name = "groundwork.audit.signing-key-file")
  Path keyFile;

  @ConfigProperty(name = "groundwork.audit.checkpoint-dir")
  Path checkpointDir;

  private long append(String question) {
    return trail.append(AuditEntries.answered(question));
  }

  private long newestCheckpointSize() throws Exception {
    try (Connection connection = database.connection()) {
      return new AuditTables(connection).latestCheckpoint().map(Checkpoint::treeSize).orElse(0L);
    }
  }

  @Test
  void everyFewRecordsACheckpointIsSignedInTheBackgroundAndVerifies() throws Exception {
    long last = 0;
    for (int i = 0; i < 6; i++) {
      last = append("How much leave, question " + i + "?");
    }
    long target = last - 1;
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> newestCheckpointSize() >= target);
    Path log = checkpointDir.resolve(CheckpointLog.FILE_NAME);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log)
        && CheckpointLog.read(log).entries().size() >= 1);
    assertThat(checkpointer.signing()).isTrue();

    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit/verify").then().statusCode(200)
        .body("intact", equalTo(true)).body("signed", equalTo(true));
    AuditVerification offline;
    try (Connection connection = database.connection()) {
      offline = new TrailVerifier(TrustedKeys.of(SigningKeys.readKeyPair(keyFile).getPublic()),
          true).verify(connection, CheckpointLog.readDirectory(checkpointDir));
    }
    assertThat(offline.intact()).as(offline.summary()).isTrue();
    assertThat(offline.checkpoints()).isPositive();
  }

  @Test
  void anExportIsABundleThatVerifiesOfflineAndIsItselfAnAuditRecord() throws Exception {
    append("What is the notice period?");
    Instant from = Instant.now().minusSeconds(3600);
    byte[] zip = given().auth().preemptive().basic("erin", "erin-pass")
        .queryParam("from", from.toString())
        .when().get("/api/audit/export").then().statusCode(200)
        .contentType("application/zip").extract().asByteArray();
    Path bundle = Files.createTempFile(Path.of("target"), "audit-export", ".zip");
    Files.write(bundle, zip);
    KeyPair keys = SigningKeys.readKeyPair(keyFile);
    AuditVerification result = new BundleVerifier(TrustedKeys.of(keys.getPublic())).verify(bundle);
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.records()).isPositive();

    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit?limit=1").then().statusCode(200)
        .body("[0].action", equalTo("audit.export")).body("[0].user", equalTo("erin"))
        .body("[0].details.format", equalTo("bundle"));

    String csv = given().auth().preemptive().basic("erin", "erin-pass").accept("text/csv")
        .when().get("/api/audit/export").then().statusCode(200)
        .extract().asString();
    assertThat(csv).startsWith("id,created_at,action,user,groups,question,answer");
    assertThat(csv).contains(",audit.export,erin,");

    given().auth().preemptive().basic("bob", "bob-pass")
        .when().get("/api/audit/export").then().statusCode(403);
  }

  @Test
  void anUploadIsAnAuditRecord() throws Exception {
    Path file = Files.createTempFile(Path.of("target"), "upload", ".md");
    Files.writeString(file, "# Canteen\n\nThe canteen serves lunch from noon until two.");
    given().auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", file.toFile(), "text/markdown").multiPart("groups", "hr")
        .when().post("/api/ingest/uploads").then().statusCode(200);
    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit?limit=1").then().statusCode(200)
        .body("[0].action", equalTo("ingestion.upload")).body("[0].user", equalTo("erin"))
        .body("[0].details.file", equalTo(file.getFileName().toString()))
        .body("[0].details.groups[0]", equalTo("hr"));
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: the trail keeps a checkpoint of a key the others do not know
  void aKeyChangeIsRecordedAndTheNewKeyContinuesTheCheckpointChain() throws Exception {
    append("Who approves expenses?");
    checkpointer.checkpointNow();
    CheckpointSigner previousKey = new CheckpointSigner(SigningKeys.generate());
    try (Connection connection = database.connection()) {
      AuditTables tables = new AuditTables(connection);
      Checkpoint latest = tables.latestCheckpoint().orElseThrow();
      tables.insert(previousKey.sign(latest.seq() + 1, latest.treeSize(), latest.headHash(),
          Instant.now(), latest.hash()));
    }
    long id = checkpointer.recordKeyChange().orElseThrow();
    given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit/" + id).then().statusCode(200)
        .body("action", equalTo("audit.key-change"))
        .body("details.previousKeyId", equalTo(previousKey.keyId()));
    assertThat(checkpointer.checkpointNow()).isPresent();
    AuditVerification result = trail.verify();
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.note()).startsWith("1 checkpoints signed by other (earlier) keys");
  }
}
