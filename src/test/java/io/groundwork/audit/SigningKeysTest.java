package io.groundwork.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
  @TempDir
  Path dir;

  @Test
  void aKeyPairRoundTripsThroughPemAndSignsCheckpoints() throws Exception {
    KeyPair pair = SigningKeys.generate();
    Path file = dir.resolve("key.pem");
    Files.writeString(file, SigningKeys.privatePem(pair));
    CheckpointSigner signer = new CheckpointSigner(SigningKeys.readKeyPair(file));
    Checkpoint checkpoint = signer.sign(1, 3, "a".repeat(64), Instant.parse(
        "2026-11-26T09:30:00.123456Z"), RecordHashes.GENESIS);
    assertThat(checkpoint.signedAt()).isEqualTo(Instant.parse("2026-11-26T09:30:00.123Z"));
    assertThat(checkpoint.statement()).isEqualTo("groundwork-audit-checkpoint/1\nseq 1\nsize 3\n"
        + "head " + "a".repeat(64) + "\ntime 2026-11-26T09:30:00.123Z\nprevious "
        + RecordHashes.GENESIS + "\nkey " + signer.keyId() + "\n");
    assertThat(TrustedKeys.of(pair.getPublic()).signatureValid(checkpoint)).isTrue();
    assertThat(CheckpointLog.parse(CheckpointLog.line(checkpoint))).isEqualTo(checkpoint);
  }

  @Test
  void unusableKeyFilesAreRefusedWithTheReason() throws Exception {
    Path noPublic = dir.resolve("no-public.pem");
    String pem = SigningKeys.privatePem(SigningKeys.generate());
    Files.writeString(noPublic, pem.substring(0, pem.indexOf("-----BEGIN PUBLIC KEY")));
    assertThatThrownBy(() -> SigningKeys.readKeyPair(noPublic))
        .hasMessage("signing key file " + noPublic + " has no PUBLIC KEY block; make the file"
            + " with: groundwork audit keygen --out DIR");

    Path mixed = dir.resolve("mixed.pem");
    String other = SigningKeys.publicPem(SigningKeys.generate().getPublic());
    Files.writeString(mixed, pem.substring(0, pem.indexOf("-----BEGIN PUBLIC KEY")) + other);
    assertThatThrownBy(() -> SigningKeys.readKeyPair(mixed))
        .hasMessage("signing key file " + mixed + ": its PUBLIC KEY block is not the public half"
            + " of its PRIVATE KEY");

    Path placeholder = dir.resolve("placeholder.pem");
    Files.writeString(placeholder, "CHANGE-ME\n");
    assertThatThrownBy(() -> SigningKeys.readKeyPair(placeholder))
        .hasMessageStartingWith("signing key file " + placeholder + " has no PRIVATE KEY block");
  }

  @Test
  void checkpointsValidateTheirFields() {
    assertThatThrownBy(() -> new Checkpoint(0, 1, RecordHashes.GENESIS, Instant.now(),
        RecordHashes.GENESIS, "k", "s"))
        .hasMessage("checkpoint seq must be at least 1, got 0");
    assertThatThrownBy(() -> new Checkpoint(1, 1, "XYZ", Instant.now(), RecordHashes.GENESIS,
        "k", "s"))
        .hasMessage("checkpoint headHash must be 64 lower-case hex digits, got XYZ");
    assertThatThrownBy(() -> CheckpointLog.parse("{\"seq\":1}"))
        .hasMessage("no field 'size'");
  }
}
