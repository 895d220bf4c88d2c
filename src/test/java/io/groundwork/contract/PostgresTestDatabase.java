package io.groundwork.contract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL (with pgvector) that tests of the PostgreSQL store mode run against.
 *
 * <p>With {@code GROUNDWORK_TEST_DB_URL} (and {@code GROUNDWORK_TEST_DB_USER}) set, as
 * {@code .ci/postgres.sh} prints them, tests use that database. Otherwise they use a database of
 * their own on the local server (127.0.0.1:5432, user postgres), created only after the server
 * has been found to offer the {@code vector} extension. Each caller of {@link #freshSchemaUrl}
 * gets a schema of its own.
 *
 * <p>Nothing is left behind: once all tests have run ({@link PostgresTestCleanup}), the schemas
 * this JVM created are dropped from a given database, and a database this JVM created is dropped
 * as a whole. Test databases of earlier runs whose JVM is gone (killed before the cleanup ran)
 * are dropped when the next run creates its own. Nothing is created when pgvector is missing.
 *
 * <p>Availability is probed once per class loader; a usable database is shared through system
 * properties by every class loader of the JVM (Quarkus loads test classes more than once).
 * {@link #unavailableReason()} gives one line saying what is missing and how to get it
 * ({@link RequiresPostgres} skips on it or, in CI, fails).
 */
public final class PostgresTestDatabase {
  private static final String LOCAL = "127.0.0.1:5432";
  private static final String PREFIX = "groundwork_test_";
  private static final String HOW_TO_GET_IT =
      "run `bash .ci/postgres.sh` or set GROUNDWORK_TEST_DB_URL";

  private static final String SHARED_BASE = "groundwork.test.db.base-url";
  private static final String SHARED_SCHEMA = "groundwork.test.db.schema-url.";
  private static final String CREATED_DATABASE = "groundwork.test.db.created-database";
  private static final String CREATED_SCHEMAS = "groundwork.test.db.created-schemas";

  private static String baseUrl;
  private static String unavailable;
  private static boolean probed;

  private PostgresTestDatabase() {}

  public static String user() {
    String user = System.getenv("GROUNDWORK_TEST_DB_USER");
    return user == null || user.isBlank() ? "postgres" : user;
  }

  /**
   * Null when PostgreSQL with pgvector is usable, else one line saying what is missing and how
   * to get it. Probes once per class loader; creates nothing when the answer is "unavailable".
   */
  public static synchronized String unavailableReason() {
    if (!probed) {
      probed = true;
      try {
        // Quarkus loads test classes in more than one class loader: share one database per JVM.
        String shared = System.getProperty(SHARED_BASE);
        baseUrl = shared != null ? shared : base();
        System.setProperty(SHARED_BASE, baseUrl);
      } catch (SQLException | RuntimeException e) {
        unavailable = "PostgreSQL with pgvector " + where() + " is unavailable ("
            + firstLine(e.getMessage()) + "): " + HOW_TO_GET_IT;
      }
    }
    return unavailable;
  }

  /**
   * A JDBC URL of a new, empty schema (with pgvector's types on the search path) for
   * {@code owner}; the same URL for the same owner within one JVM (a Quarkus test profile is
   * asked for its configuration more than once). The schema is dropped after the test run.
   *
   * @throws IllegalStateException when PostgreSQL with pgvector is unavailable
   */
  public static synchronized String freshSchemaUrl(String owner) {
    String reason = unavailableReason();
    if (reason != null) {
      throw new IllegalStateException(reason);
    }
    String known = System.getProperty(SHARED_SCHEMA + owner);
    if (known != null) {
      return known;
    }
    String schema = (owner + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    try (Connection connection = DriverManager.getConnection(baseUrl, user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema + " in " + baseUrl + ": "
          + e.getMessage(), e);
    }
    remember(schema);
    String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
        + ",public";
    System.setProperty(SHARED_SCHEMA + owner, url);
    return url;
  }

  private static boolean givenUrl() {
    String url = System.getenv("GROUNDWORK_TEST_DB_URL");
    return url != null && !url.isBlank();
  }

  private static String where() {
    return givenUrl() ? "at " + System.getenv("GROUNDWORK_TEST_DB_URL") : "on " + LOCAL;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    String line = message.lines().findFirst().orElse(message).trim();
    return line.startsWith("ERROR: ") ? line.substring("ERROR: ".length()) : line;
  }

  /** The database the schemas go in: the given one, or a new one on the local server. */
  private static String base() throws SQLException {
    String url = System.getenv("GROUNDWORK_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      try (Connection connection = DriverManager.getConnection(url, user(), "");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE EXTENSION IF NOT EXISTS vector SCHEMA public");
      }
      return url;
    }
    String admin = "jdbc:postgresql://" + LOCAL + "/postgres?connectTimeout=5";
    String name = PREFIX + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
    try (Connection connection = DriverManager.getConnection(admin, user(), "");
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery(
          "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")) {
        if (!rs.next()) {
          throw new SQLException("extension \"vector\" is not available");
        }
      }
      dropDatabasesOfDeadRuns(statement);
      statement.execute("CREATE DATABASE " + name);
      System.setProperty(CREATED_DATABASE, name);
    }
    url = "jdbc:postgresql://" + LOCAL + "/" + name;
    try (Connection connection = DriverManager.getConnection(url, user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS vector SCHEMA public");
    }
    return url;
  }

  /** Drops test databases whose name says they belong to a JVM that is no longer running. */
  private static void dropDatabasesOfDeadRuns(Statement statement) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(
        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        String pid = name.substring(name.lastIndexOf('_') + 1);
        if (pid.matches("[0-9]+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
          stale.add(name);
        }
      }
    }
    for (String name : stale) {
      try {
        statement.execute("DROP DATABASE IF EXISTS " + name);
      } catch (SQLException inUse) {
        // Still connected to from somewhere: leave it to whoever uses it.
      }
    }
  }

  /** Remembers, for {@link #dropWhatWasCreated}, a schema in a given database. */
  private static void remember(String schema) {
    String known = System.getProperty(CREATED_SCHEMAS, "");
    System.setProperty(CREATED_SCHEMAS, known.isEmpty() ? schema : known + "," + schema);
  }

  /**
   * Drops the database (or, in a given database, the schemas) that this JVM created; does
   * nothing when it created none. Called once all tests have run ({@link PostgresTestCleanup}).
   */
  public static synchronized void dropWhatWasCreated() {
    String database = System.getProperty(CREATED_DATABASE);
    String base = System.getProperty(SHARED_BASE);
    String schemas = System.getProperty(CREATED_SCHEMAS, "");
    try {
      if (database != null) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + LOCAL + "/postgres?connectTimeout=5", user(), "");
            Statement statement = connection.createStatement()) {
          statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        System.clearProperty(CREATED_DATABASE);
      } else if (base != null && !schemas.isEmpty()) {
        try (Connection connection = DriverManager.getConnection(base, user(), "");
            Statement statement = connection.createStatement()) {
          for (String schema : schemas.split(",")) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
          }
        }
        System.clearProperty(CREATED_SCHEMAS);
      }
    } catch (SQLException e) {
      System.err.println("could not drop the PostgreSQL test data ("
          + (database != null ? database : schemas) + "): " + e.getMessage());
    }
  }
}
