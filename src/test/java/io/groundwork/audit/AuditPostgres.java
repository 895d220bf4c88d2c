package io.groundwork.audit;

import io.groundwork.contract.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * PostgreSQL for the audit tests: the audit tables need no pgvector, so these tests run wherever
 * PostgreSQL answers on 127.0.0.1:5432 (or {@code GROUNDWORK_TEST_DB_URL}); in CI they always
 * run, and fail when it is missing. Each test gets a schema of its own in one database per run.
 */
final class AuditPostgres {
  private static String database;

  private AuditPostgres() {}

  /** For {@code @EnabledIf}: true in CI or when PostgreSQL is reachable. */
  static boolean available() {
    if (PostgresTestDatabase.required()) {
      return true;
    }
    try (Connection ignored = DriverManager.getConnection(adminUrl(), PostgresTestDatabase.user(), "")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** A JDBC URL of a new, empty schema. */
  static synchronized String freshSchemaUrl() throws SQLException {
    if (database == null) {
      String url = System.getenv("GROUNDWORK_TEST_DB_URL");
      if (url == null || url.isBlank()) {
        String name = "groundwork_audit_test_" + System.currentTimeMillis() + "_"
            + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(adminUrl(), PostgresTestDatabase.user(), "");
            Statement statement = admin.createStatement()) {
          statement.execute("CREATE DATABASE " + name);
        }
        url = "jdbc:postgresql://127.0.0.1:5432/" + name;
      }
      database = url;
    }
    String schema = "audit_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection connection = DriverManager.getConnection(database, PostgresTestDatabase.user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return database + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Drops the run's database, when these tests created it. */
  static synchronized void dropDatabase() throws SQLException {
    if (database == null || System.getenv("GROUNDWORK_TEST_DB_URL") != null) {
      return;
    }
    String name = database.substring(database.lastIndexOf('/') + 1);
    try (Connection admin = DriverManager.getConnection(adminUrl(), PostgresTestDatabase.user(), "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
    database = null;
  }

  private static String adminUrl() {
    return "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=5";
  }
}
