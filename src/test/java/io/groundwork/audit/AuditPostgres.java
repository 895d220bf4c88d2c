package io.groundwork.audit;

import io.groundwork.contract.PostgresTestDatabase;
import io.groundwork.testing.TestPrerequisite;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * PostgreSQL for the audit tests, through the suite's one test database
 * ({@link PostgresTestDatabase}): skipped with its one-line reason where PostgreSQL with pgvector
 * is missing, failed in CI, and dropped after the run.
 */
final class AuditPostgres {
  private AuditPostgres() {}

  /** Skips the calling test where PostgreSQL is unusable, or fails it in CI. */
  static void assumeAvailable() {
    String reason = PostgresTestDatabase.unavailableReason();
    if (reason == null) {
      return;
    }
    if (TestPrerequisite.required()) {
      throw new IllegalStateException("CI requires it: " + reason);
    }
    Assumptions.abort(reason);
  }

  /** A JDBC URL of a new, empty schema of its own. */
  static String freshSchemaUrl() {
    return PostgresTestDatabase.freshSchemaUrl("audit_" + UUID.randomUUID().toString().substring(0, 8));
  }
}
