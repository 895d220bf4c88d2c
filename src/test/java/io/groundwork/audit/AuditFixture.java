package io.groundwork.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.flywaydb.core.Flyway;

/**
 * An audit database for tests without the application: migrated with the application's own
 * migrations (db/migration), records appended in plain JDBC with the application's hash schemes,
 * exactly as {@link AuditTrail} stores them (scheme 2; scheme 1 for records made before it).
 */
final class AuditFixture {
  private final CheckpointWriter.Connections connections;
  private final Random random;

  AuditFixture(CheckpointWriter.Connections connections, long seed) {
    this.connections = connections;
    this.random = new Random(seed);
  }

  /**
   * Applies db/migration: through Flyway on H2; on PostgreSQL statement by statement, in version
   * order (Quarkus adds the Flyway PostgreSQL plugin to the application as a conditional
   * dependency; the plain test class path has none).
   */
  static void migrate(String url, String user, String password) throws SQLException {
    if (url.startsWith("jdbc:h2:")) {
      Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
          .load().migrate();
      return;
    }
    try (Connection connection = java.sql.DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      for (String file : MIGRATIONS) {
        String sql;
        try (var in = AuditFixture.class.getResourceAsStream("/db/migration/" + file)) {
          sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
          throw new IllegalStateException("cannot read migration " + file, e);
        }
        for (String command : sql.replaceAll("(?m)^--.*$", "").split(";")) {
          if (!command.isBlank()) {
            statement.execute(command);
          }
        }
      }
    }
  }

  private static final java.util.List<String> MIGRATIONS = java.util.List.of(
      "V1__initial_schema.sql", "V20__answer_verification.sql", "V30__audit_checkpoints.sql");

  /** Appends a random answer record with hash scheme {@code version}; returns its id. */
  long append(int version) throws SQLException {
    int n = random.nextInt(1000);
    return append((id, previous) -> new StoredRecord(id,
        Instant.now().truncatedTo(ChronoUnit.MILLIS), version, "answer", "user" + (n % 7),
        "everyone,hr", "How many days of leave, case " + n + "?", "{\"topK\":8}",
        "[{\"chunkId\":\"c" + n + "\"}]", "It is " + (20 + n % 10) + " days. [1]",
        n % 5 == 0, "[{\"number\":1}]", "extractive", "v1", "{\"total\":" + n + ".0}",
        null, null, null, null, previous, ""));
  }

  /**
   * Appends an answer record with hash scheme {@code version} that retrieved and cited
   * {@code documentId} at {@code path}, asking {@code question}; returns its id.
   */
  long appendAnswerAbout(int version, String documentId, String path, String question)
      throws SQLException {
    String ref = "\"documentId\":\"" + documentId + "\",\"path\":\"" + path + "\"";
    return append((id, previous) -> new StoredRecord(id,
        Instant.now().truncatedTo(ChronoUnit.MILLIS), version, "answer", "user1", "everyone",
        question, "{\"topK\":8}", "[{\"chunkId\":\"" + documentId + "#0\"," + ref
            + ",\"score\":0.5,\"textRank\":1,\"vectorRank\":2}]",
        "The answer quotes " + question + " [1]", false,
        "[{\"number\":1," + ref + ",\"quote\":\"" + question + "\"}]", "extractive", "v1",
        "{\"total\":1.0}", null, null, null, null, previous, ""));
  }

  /** Adds a document row readable by {@code groups} (comma-separated). */
  void addDocument(String documentId, String path, String groups) throws SQLException {
    try (Connection connection = connections.open(); PreparedStatement insert =
        connection.prepareStatement("INSERT INTO documents (id, source_name, path, source_uri,"
            + " title, media_type, content_hash, access_groups, size_bytes, chunk_count, body,"
            + " ingested_at) VALUES (?, 'fixture', ?, ?, ?, 'text/markdown', 'x', ?, 1, 1, 'x',"
            + " ?)")) {
      insert.setString(1, documentId);
      insert.setString(2, path);
      insert.setString(3, "fixture:" + path);
      insert.setString(4, path);
      insert.setString(5, groups);
      insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  /** Appends an administrative record (scheme 2) by {@code user} with {@code details} JSON. */
  long appendAction(String action, String user, String details) throws SQLException {
    return append((id, previous) -> new StoredRecord(id,
        Instant.now().truncatedTo(ChronoUnit.MILLIS), 2, action, user, "", null, null, null,
        null, false, null, null, null, null, null, null, details, null, previous, ""));
  }

  /** The username of record {@code id}. */
  String username(long id) throws SQLException {
    try (Connection connection = connections.open(); PreparedStatement select =
        connection.prepareStatement("SELECT username FROM audit_records WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private interface Draft {
    StoredRecord of(long id, String previousHash);
  }

  private long append(Draft drafts) throws SQLException {
    try (Connection connection = connections.open()) {
      connection.setAutoCommit(false);
      long lastId;
      String lastHash;
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
        rows.next();
        lastId = rows.getLong(1);
        lastHash = rows.getString(2);
      }
      StoredRecord draft = drafts.of(lastId + 1, lastHash);
      String digest = draft.hashVersion() == 1 ? null : RecordHashes.contentDigest(draft);
      StoredRecord withDigest = copy(draft, digest, "");
      StoredRecord record = copy(draft, digest, RecordHashes.recordHash(withDigest));
      insert(connection, record);
      try (PreparedStatement head = connection.prepareStatement(
          "UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1")) {
        head.setLong(1, record.id());
        head.setString(2, record.recordHash());
        head.executeUpdate();
      }
      connection.commit();
      return record.id();
    }
  }

  static void insert(Connection connection, StoredRecord r) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_records (id,"
        + " created_at, hash_version, action, username, user_groups, question, request,"
        + " retrieved, answer, refused, citations, answerer, prompt_version, latencies,"
        + " verification, fallback_reason, details, content_digest, previous_hash, record_hash)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, r.id());
      insert.setObject(2, r.createdAt().atOffset(ZoneOffset.UTC));
      insert.setInt(3, r.hashVersion());
      insert.setString(4, r.action());
      insert.setString(5, r.username());
      insert.setString(6, r.userGroups());
      insert.setString(7, r.question());
      insert.setString(8, r.request());
      insert.setString(9, r.retrieved());
      insert.setString(10, r.answer());
      insert.setBoolean(11, r.refused());
      insert.setString(12, r.citations());
      insert.setString(13, r.answerer());
      insert.setString(14, r.promptVersion());
      insert.setString(15, r.latencies());
      insert.setString(16, r.verification());
      insert.setString(17, r.fallbackReason());
      insert.setString(18, r.details());
      insert.setString(19, r.contentDigest());
      insert.setString(20, r.previousHash());
      insert.setString(21, r.recordHash());
      insert.executeUpdate();
    }
  }

  static StoredRecord copy(StoredRecord r, String digest, String hash) {
    return new StoredRecord(r.id(), r.createdAt(), r.hashVersion(), r.action(), r.username(),
        r.userGroups(), r.question(), r.request(), r.retrieved(), r.answer(), r.refused(),
        r.citations(), r.answerer(), r.promptVersion(), r.latencies(), r.verification(),
        r.fallbackReason(), r.details(), digest, r.previousHash(), hash);
  }

  /** Runs {@code sql} (committed). */
  void execute(String... sql) throws SQLException {
    try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }
}
