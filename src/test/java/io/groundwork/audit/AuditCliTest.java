package io.groundwork.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.contract.PostgresTestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code audit keygen}, {@code audit verify} and {@code audit verify-export} as an operator runs
 * them, against trails made beside the application (an embedded data directory, a PostgreSQL
 * schema).
 */
@QuarkusMainTest
@Tag("slow")
class AuditCliTest {
  private static Path newDir(String name) throws Exception {
    Path dir = Path.of("target/test-data/audit-cli-" + name + "-" + UUID.randomUUID());
    Files.createDirectories(dir);
    return dir;
  }

  /** A trail of 12 records with checkpoints at 5 and 10, keys and checkpoint log in {@code dir}. */
  private static KeyPair trail(Path dir, String url, String user) throws Exception {
    AuditFixture.migrate(url, user, "");
    KeyPair keys = SigningKeys.generate();
    Files.writeString(dir.resolve("public.pem"), SigningKeys.publicPem(keys.getPublic()));
    CheckpointWriter.Connections connections = () -> DriverManager.getConnection(url, user, "");
    CheckpointWriter writer = new CheckpointWriter(new CheckpointSigner(keys), connections,
        new CheckpointLog(dir.resolve("checkpoints")), Clock.systemUTC());
    AuditFixture fixture = new AuditFixture(connections, 7L);
    for (int i = 1; i <= 12; i++) {
      fixture.append(2);
      if (i % 5 == 0) {
        writer.checkpoint();
      }
    }
    return keys;
  }

  private static String h2(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("groundwork")
        + ";AUTO_SERVER=TRUE";
  }

  @Test
  void keygenWritesAPrivateKeyOnlyItsOwnerCanReadAndNeverOverwrites(QuarkusMainLauncher launcher)
      throws Exception {
    Path out = newDir("keys");
    LaunchResult result = launcher.launch("audit", "keygen", "--out", out.toString());
    assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    assertThat(result.getOutput()).contains("key id:");
    Path privateKey = out.resolve("audit-signing-key.pem");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
        .isEqualTo("rw-------");
    KeyPair pair = SigningKeys.readKeyPair(privateKey);
    assertThat(SigningKeys.keyId(SigningKeys.readPublicKey(out.resolve("audit-public-key.pem"))))
        .isEqualTo(SigningKeys.keyId(pair.getPublic()));

    LaunchResult again = launcher.launch("audit", "keygen", "--out", out.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.getErrorOutput()).contains("exists; keys are never overwritten");
  }

  @Test
  void verifyExitsZeroOnAnIntactEmbeddedTrailAndNamesTheFirstFailure(QuarkusMainLauncher launcher)
      throws Exception {
    Path dir = newDir("verify");
    Path data = dir.resolve("data");
    trail(dir, h2(data), "groundwork");
    String[] verify = {"audit", "verify", "--data-dir", data.toString(), "--public-key",
        dir.resolve("public.pem").toString(), "--checkpoints", dir.resolve("checkpoints").toString()};

    LaunchResult intact = launcher.launch(verify);
    assertThat(intact.exitCode()).as(intact.getErrorOutput()).isZero();
    assertThat(intact.getOutput()).contains("intact: 12 records, 2 signed checkpoints, the newest"
        + " covers 10 records").contains("records 11..12 are not covered by a checkpoint yet");

    try (Connection connection = DriverManager.getConnection(h2(data), "groundwork", "")) {
      connection.createStatement().execute("UPDATE audit_records SET answer = 'x' WHERE id = 3");
    }
    LaunchResult broken = launcher.launch(verify);
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.getOutput())
        .contains("FAILED at record 3: record 3 content does not match its digest");

    LaunchResult missing = launcher.launch("audit", "verify", "--data-dir",
        dir.resolve("nothing").toString(), "--public-key", dir.resolve("public.pem").toString(),
        "--checkpoints", dir.resolve("checkpoints").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.getErrorOutput()).contains("no embedded database under");
  }

  @Test
  void verifyReadsPostgresByUrl(QuarkusMainLauncher launcher) throws Exception {
    AuditPostgres.assumeAvailable();
    Path dir = newDir("verify-pg");
    String url = AuditPostgres.freshSchemaUrl();
    trail(dir, url, PostgresTestDatabase.user());
    LaunchResult result = launcher.launch("audit", "verify", "--db-url", url, "--db-user",
        PostgresTestDatabase.user(), "--public-key", dir.resolve("public.pem").toString(),
        "--checkpoints", dir.resolve("checkpoints").toString());
    assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    assertThat(result.getOutput()).contains("intact: 12 records, 2 signed checkpoints");
  }

  @Test
  void verifyExportAcceptsTheRightKeyOnly(QuarkusMainLauncher launcher) throws Exception {
    Path dir = newDir("export");
    Path data = dir.resolve("data");
    trail(dir, h2(data), "groundwork");
    Path bundle = dir.resolve("bundle.zip");
    try (Connection connection = DriverManager.getConnection(h2(data), "groundwork", "");
        OutputStream out = Files.newOutputStream(bundle)) {
      new AuditExporter().writeBundle(connection, 2, 9, null, null, "erin", out);
    }
    LaunchResult ok = launcher.launch("audit", "verify-export", bundle.toString(),
        "--public-key", dir.resolve("public.pem").toString());
    assertThat(ok.exitCode()).as(ok.getErrorOutput()).isZero();
    assertThat(ok.getOutput()).contains("intact: 8 records, 2 signed checkpoints");

    Path other = dir.resolve("other.pem");
    Files.writeString(other, SigningKeys.publicPem(SigningKeys.generate().getPublic()));
    LaunchResult wrongKey = launcher.launch("audit", "verify-export", bundle.toString(),
        "--public-key", other.toString());
    assertThat(wrongKey.exitCode()).isEqualTo(1);
    assertThat(wrongKey.getOutput()).contains("which is not among the given public keys");
  }
}
