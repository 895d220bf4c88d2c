package io.groundwork.audit;

import io.groundwork.contract.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;

/** The tamper matrix against PostgreSQL (the audit tables need no pgvector). */
@EnabledIf("io.groundwork.audit.AuditPostgres#available")
class PostgresAuditTamperTest extends AuditTamperContract {
  @Override
  String freshDatabaseUrl(Path dataDir) throws SQLException {
    return AuditPostgres.freshSchemaUrl();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    AuditPostgres.dropDatabase();
  }

  @Override
  String user() {
    return PostgresTestDatabase.user();
  }
}
