package io.groundwork.contract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL that tests of the PostgreSQL store mode run against. {@code .ci/run} creates a
 * fresh database for each run and passes it as {@code GROUNDWORK_TEST_DB_URL} (and
 * {@code GROUNDWORK_TEST_DB_USER}); without it, tests use a new database on the local server
 * (127.0.0.1:5432, user postgres). Each test gets a schema of its own in that database.
 *
 * <p>When PostgreSQL cannot be reached, {@link #require()} fails with the reason when {@code CI}
 * is set (CI must not silently skip these tests) and otherwise reports it as unavailable.
 */
public final class PostgresTestDatabase {
  private static String baseUrl;

  private PostgresTestDatabase() {}

  public static String user() {
    String user = System.getenv("GROUNDWORK_TEST_DB_USER");
    return user == null || user.isBlank() ? "postgres" : user;
  }

  /** True in CI, where PostgreSQL must be there. */
  public static boolean required() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  /** Null when PostgreSQL with pgvector is reachable, else why not. */
  public static synchronized String unavailableReason() {
    try {
      base();
      return null;
    } catch (SQLException | RuntimeException e) {
      return e.getMessage();
    }
  }

  /**
   * A JDBC URL of a new, empty schema (with pgvector's types on the search path).
   *
   * @throws IllegalStateException when PostgreSQL is unavailable
   */
  public static synchronized String freshSchemaUrl(String prefix) {
    try {
      String base = base();
      String schema = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
          .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
      try (Connection connection = DriverManager.getConnection(base, user(), "");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA " + schema);
      }
      return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for the postgres-mode tests is unavailable ("
          + describe() + "): " + e.getMessage(), e);
    }
  }

  private static String describe() {
    String url = System.getenv("GROUNDWORK_TEST_DB_URL");
    return url == null ? "no GROUNDWORK_TEST_DB_URL; tried 127.0.0.1:5432 as " + user() : url;
  }

  private static String base() throws SQLException {
    if (baseUrl != null) {
      return baseUrl;
    }
    String url = System.getenv("GROUNDWORK_TEST_DB_URL");
    if (url == null || url.isBlank()) {
      String name = "groundwork_test_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
      try (Connection admin = DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=5", user(), "");
          Statement statement = admin.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      url = "jdbc:postgresql://127.0.0.1:5432/" + name;
    }
    try (Connection connection = DriverManager.getConnection(url, user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS vector SCHEMA public");
    }
    baseUrl = url;
    return url;
  }
}
