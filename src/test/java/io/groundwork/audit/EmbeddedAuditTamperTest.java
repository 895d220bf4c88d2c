package io.groundwork.audit;

import java.nio.file.Path;

/** The tamper matrix against the embedded store's H2 file database. */
class EmbeddedAuditTamperTest extends AuditTamperContract {
  @Override
  String freshDatabaseUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("groundwork")
        + ";AUTO_SERVER=TRUE";
  }

  @Override
  String user() {
    return "groundwork";
  }
}
