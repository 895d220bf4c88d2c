package io.groundwork.audit;

import io.groundwork.contract.PostgresTestDatabase;
import io.groundwork.contract.RequiresPostgres;
import java.nio.file.Path;

/** The tamper matrix against PostgreSQL (the audit tables need no pgvector). */
@RequiresPostgres
class PostgresAuditTamperTest extends AuditTamperContract {
  @Override
  String freshDatabaseUrl(Path dataDir) {
    return AuditPostgres.freshSchemaUrl();
  }

  @Override
  String user() {
    return PostgresTestDatabase.user();
  }
}
