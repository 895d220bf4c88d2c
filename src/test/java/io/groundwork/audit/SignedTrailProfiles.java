package io.groundwork.audit;

import io.groundwork.contract.PostgresTestDatabase;
import io.groundwork.testing.TestPrerequisite;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Application profiles with a signing key of their own, a checkpoint every 5 records. */
final class SignedTrailProfiles {
  private SignedTrailProfiles() {}

  static Map<String, String> signed(Path dir) {
    try {
      Files.createDirectories(dir);
      KeyPair keys = SigningKeys.generate();
      Path key = dir.resolve("audit-signing-key.pem");
      Files.writeString(key, SigningKeys.privatePem(keys));
      Map<String, String> config = new HashMap<>();
      config.put("groundwork.audit.signing-key-file", key.toString());
      config.put("groundwork.audit.checkpoint-dir", dir.resolve("checkpoints").toString());
      config.put("groundwork.audit.checkpoint-every", "5");
      config.put("groundwork.audit.checkpoint-interval", "1h");
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The embedded store in a data directory of its own. */
  public static class Embedded implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Path dir = Path.of("target/test-data/audit-signed-" + UUID.randomUUID());
      Map<String, String> config = signed(dir.resolve("keys"));
      config.put("groundwork.store", "embedded");
      config.put("groundwork.data-dir", dir.toString());
      return config;
    }
  }

  /** PostgreSQL store mode on a fresh schema (needs pgvector, like the store contract). */
  public static class Postgres implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Path dir = Path.of("target/test-data/audit-signed-pg-" + UUID.randomUUID());
      Map<String, String> config = signed(dir.resolve("keys"));
      config.put("groundwork.data-dir", dir.toString());
      config.put("groundwork.store", "postgres");
      // Profiles are read while tests are discovered, also when @RequiresPostgres then skips
      // the class: without PostgreSQL (and outside CI) the URL is never used.
      boolean usable = TestPrerequisite.required()
          || PostgresTestDatabase.unavailableReason() == null;
      config.put("groundwork.db.url", usable ? PostgresTestDatabase.freshSchemaUrl("audit")
          : "jdbc:postgresql://127.0.0.1:5432/unavailable");
      config.put("groundwork.db.user", PostgresTestDatabase.user());
      config.put("groundwork.db.password", "");
      return config;
    }
  }
}
