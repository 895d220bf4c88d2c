package io.groundwork.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records written by the application before hash schemes existed (two real records, with the
 * hashes that version computed, in src/test/resources/audit/scheme1-records.jsonl) still verify
 * after the schema is migrated, and a change to one is still caught.
 */
class SchemeOneRecordsTest {
  @TempDir
  Path dir;

  @Test
  void recordsOfTheOldSchemaVerifyAfterMigration() throws Exception {
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("groundwork");
    Flyway.configure().dataSource(url, "groundwork", "").locations("classpath:db/migration")
        .target("20").load().migrate();
    List<JsonNode> rows;
    try (InputStream in = getClass().getResourceAsStream("/audit/scheme1-records.jsonl")) {
      ObjectMapper json = new ObjectMapper();
      rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> {
        try {
          return json.readTree(line);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
    try (Connection connection = DriverManager.getConnection(url, "groundwork", "")) {
      for (JsonNode row : rows) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_records"
            + " (id, created_at, username, user_groups, question, request, retrieved, answer,"
            + " refused, citations, answerer, prompt_version, latencies, verification,"
            + " fallback_reason, previous_hash, record_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setLong(1, row.get("id").asLong());
          insert.setObject(2, OffsetDateTime.parse(row.get("created_at").asText()));
          int i = 3;
          for (String column : List.of("username", "user_groups", "question", "request",
              "retrieved", "answer")) {
            insert.setString(i++, row.get(column).asText());
          }
          insert.setBoolean(i++, row.get("refused").asBoolean());
          for (String column : List.of("citations", "answerer", "prompt_version", "latencies",
              "verification", "fallback_reason", "previous_hash", "record_hash")) {
            insert.setString(i++, row.get(column).isNull() ? null : row.get(column).asText());
          }
          insert.executeUpdate();
        }
      }
      JsonNode last = rows.get(rows.size() - 1);
      try (PreparedStatement head = connection.prepareStatement(
          "UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1")) {
        head.setLong(1, last.get("id").asLong());
        head.setString(2, last.get("record_hash").asText());
        head.executeUpdate();
      }
    }
    Flyway.configure().dataSource(url, "groundwork", "").locations("classpath:db/migration")
        .load().migrate();

    TrailVerifier verifier = new TrailVerifier(TrustedKeys.none(), true);
    try (Connection connection = DriverManager.getConnection(url, "groundwork", "")) {
      AuditVerification intact = verifier.verify(connection, List.of());
      assertThat(intact.intact()).as(intact.summary()).isTrue();
      assertThat(intact.records()).isEqualTo(2);

      connection.createStatement().executeUpdate(
          "UPDATE audit_records SET answer = 'Bikes go in the basement.' WHERE id = 2");
      AuditVerification broken = verifier.verify(connection, List.of());
      assertThat(broken.firstBrokenId()).isEqualTo(2L);
      assertThat(broken.problem()).isEqualTo("record 2 content does not match its hash");
    }
  }
}
