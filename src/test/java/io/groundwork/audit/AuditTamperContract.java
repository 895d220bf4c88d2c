package io.groundwork.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper matrix, run against each store (one subclass per store): someone with write access
 * to the database alters, deletes, truncates, re-hashes records or rewrites checkpoints, and the
 * offline verifier names the first failing record or checkpoint and why. Every test starts from
 * a fresh trail of 28 records (1-4 in hash scheme 1, the rest in scheme 2) with checkpoints
 * signed at sizes 10, 20 and 25; records 26-28 are not yet covered. Tagged slow: a fresh,
 * migrated database for each of its cases takes about 1.5 s.
 */
@Tag("slow")
abstract class AuditTamperContract {
  private static final long SEED = 20261126L;

  @TempDir
  Path dir;

  private String url;
  private AuditFixture fixture;
  private KeyPair keys;
  private CheckpointWriter writer;
  private Path checkpointDir;

  /** A JDBC URL of a new, empty database or schema ({@code dataDir} is the test's own). */
  abstract String freshDatabaseUrl(Path dataDir) throws SQLException;

  abstract String user();

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user(), "");
  }

  @BeforeEach
  void trailWithCheckpoints() throws SQLException {
    url = freshDatabaseUrl(dir.resolve("data"));
    AuditFixture.migrate(url, user(), "");
    fixture = new AuditFixture(this::connect, SEED);
    keys = SigningKeys.generate();
    checkpointDir = dir.resolve("checkpoints");
    writer = new CheckpointWriter(new CheckpointSigner(keys), this::connect,
        new CheckpointLog(checkpointDir), Clock.systemUTC());
    for (int i = 1; i <= 28; i++) {
      fixture.append(i <= 4 ? 1 : 2);
      if (i == 10 || i == 20 || i == 25) {
        assertThat(writer.checkpoint()).get().extracting(Checkpoint::treeSize)
            .isEqualTo((long) i);
      }
    }
  }

  private AuditVerification verify() throws SQLException {
    try (Connection connection = connect()) {
      return new TrailVerifier(TrustedKeys.of(keys.getPublic()), true).verify(connection,
          CheckpointLog.readDirectory(checkpointDir));
    }
  }

  private void assertFails(Long recordId, Long checkpoint, String problem) throws SQLException {
    AuditVerification result = verify();
    assertThat(result.intact()).as(result.summary()).isFalse();
    assertThat(result.problem()).contains(problem);
    assertThat(result.firstBrokenId()).as(result.problem()).isEqualTo(recordId);
    if (checkpoint != null) {
      assertThat(result.failedCheckpoint()).isEqualTo(checkpoint);
    }
  }

  private Path log() {
    return checkpointDir.resolve(CheckpointLog.FILE_NAME);
  }

  @Test
  void anUntouchedTrailVerifiesIncludingSchemeOneRecords() throws SQLException {
    AuditVerification result = verify();
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.signed()).isTrue();
    assertThat(result.records()).isEqualTo(28);
    assertThat(result.checkpoints()).isEqualTo(3);
    assertThat(result.coveredRecords()).isEqualTo(25);
    assertThat(result.summary()).contains("records 26..28 are not covered by a checkpoint yet");
  }

  @Test
  void anAlteredAnswerIsCaughtByItsContentDigest() throws SQLException {
    fixture.execute("UPDATE audit_records SET answer = 'It is 40 days. [1]' WHERE id = 7");
    assertFails(7L, null, "record 7 content does not match its digest");
  }

  @Test
  void anAlteredSchemeOneRecordIsCaughtByItsHash() throws SQLException {
    fixture.execute("UPDATE audit_records SET question = 'Something else?' WHERE id = 2");
    assertFails(2L, null, "record 2 content does not match its hash");
  }

  @Test
  void erasedContentIsCaught() throws SQLException {
    fixture.execute("UPDATE audit_records SET question = NULL, request = NULL, retrieved = NULL,"
        + " answer = NULL, refused = FALSE, citations = NULL, answerer = NULL,"
        + " prompt_version = NULL, latencies = NULL WHERE id = 9");
    assertFails(9L, null, "record 9 has no content: it was erased");
  }

  private static final String ERASE = "UPDATE audit_records SET question = NULL, request = NULL,"
      + " retrieved = NULL, answer = NULL, citations = NULL, answerer = NULL,"
      + " prompt_version = NULL, latencies = NULL";

  private long prune(String ranges) throws SQLException {
    return fixture.appendAction(RetentionLedger.PRUNE, "groundwork", "{\"before\":\""
        + java.time.Instant.now().plusSeconds(60) + "\",\"pruned\":" + ranges + "}");
  }

  @Test
  void contentPrunedUnderARetentionRecordVerifiesOnlineAndInABundle() throws Exception {
    long pruning = prune("[[5,9]]");
    fixture.execute(ERASE + " WHERE id BETWEEN 5 AND 9");
    AuditVerification result = verify();
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.records()).isEqualTo(pruning);
    assertThat(writer.checkpoint()).get().extracting(Checkpoint::treeSize).isEqualTo(pruning);
    AuditVerification bundle = verifyBundle(export(4, 12));
    assertThat(bundle.intact()).as(bundle.summary()).isTrue();
  }

  @Test
  void prunedContentWithoutACoveringRetentionRecordIsCaught() throws SQLException {
    prune("[[5,8]]");
    fixture.execute(ERASE + " WHERE id BETWEEN 5 AND 9");
    assertFails(9L, null, "record 9 has no content: it was erased (no retention pruning record"
        + " names it)");
  }

  @Test
  void contentPrunedUnderALegalHoldIsCaught() throws SQLException {
    String held = fixture.username(7);
    long hold = fixture.appendAction(RetentionLedger.HOLD_SET, "erin",
        "{\"user\":\"" + held + "\",\"reason\":\"matter 17\"}");
    prune("[[5,9]]");
    fixture.execute(ERASE + " WHERE id BETWEEN 5 AND 9");
    long first = 5;
    while (!fixture.username(first).equals(held)) {
      first++;
    }
    assertFails(first, null, "record " + first + " has no content: pruning record " + (hold + 1)
        + " emptied it while legal hold " + hold + " covered it");
  }

  @Test
  void aLiftedHoldNoLongerKeepsContentButAPruningNamingYoungRecordsIsCaught()
      throws SQLException {
    long hold = fixture.appendAction(RetentionLedger.HOLD_SET, "erin",
        "{\"group\":\"hr\",\"reason\":\"matter 17\"}");
    fixture.appendAction(RetentionLedger.HOLD_LIFTED, "erin",
        "{\"hold\":" + hold + ",\"reason\":\"closed\"}");
    prune("[[5,9]]");
    fixture.execute(ERASE + " WHERE id BETWEEN 5 AND 9");
    assertThat(verify().intact()).as(verify().summary()).isTrue();
    fixture.appendAction(RetentionLedger.PRUNE, "groundwork", "{\"before\":\"2000-01-01T00:00:00Z\","
        + "\"pruned\":[[10,10]]}");
    fixture.execute(ERASE + " WHERE id = 10");
    assertFails(10L, null, "record 10 has no content: pruning record");
  }

  @Test
  void alteredMetadataIsCaughtByTheRecordHash() throws SQLException {
    fixture.execute("UPDATE audit_records SET username = 'mallory' WHERE id = 12");
    assertFails(12L, null, "record 12 metadata or content digest does not match its hash");
  }

  @Test
  void randomAlterationsAreNamedAtTheAlteredRecord() throws SQLException {
    java.util.Random random = new java.util.Random(SEED);
    List<String> columns = List.of("question", "answer", "request", "citations", "latencies",
        "username", "user_groups", "action");
    for (int round = 0; round < 6; round++) {
      long id = 1 + random.nextInt(28);
      String column = columns.get(random.nextInt(columns.size()));
      try (Connection connection = connect()) {
        connection.setAutoCommit(false);
        connection.createStatement().executeUpdate("UPDATE audit_records SET " + column + " = "
            + column + " || 'x' WHERE id = " + id);
        AuditVerification result = new TrailVerifier(TrustedKeys.of(keys.getPublic()), true)
            .verify(connection, CheckpointLog.readDirectory(checkpointDir));
        assertThat(result.intact()).as(column + " of record " + id).isFalse();
        assertThat(result.firstBrokenId()).as(column + " of record " + id + ": "
            + result.problem()).isEqualTo(id);
        connection.rollback();
      }
    }
    assertThat(verify().intact()).isTrue();
  }

  @Test
  void aDeletedFirstRecordIsCaught() throws SQLException {
    fixture.execute("DELETE FROM audit_records WHERE id = 1");
    assertFails(1L, null, "record 1 is missing (the chain continues with record 2)");
  }

  @Test
  void aDeletedFirstRecordWithRenumberedSuccessorIsCaught() throws SQLException {
    // The second record takes the first one's place: it does not link to the genesis hash.
    fixture.execute("DELETE FROM audit_records WHERE id = 1",
        "UPDATE audit_records SET id = 1 WHERE id = 2");
    assertFails(1L, null, "record 1");
  }

  @Test
  void aDeletedMiddleRecordIsCaught() throws SQLException {
    fixture.execute("DELETE FROM audit_records WHERE id = 14");
    assertFails(14L, null, "record 14 is missing (the chain continues with record 15)");
  }

  @Test
  void aDeletedLastRecordIsCaughtByTheChainHead() throws SQLException {
    fixture.execute("DELETE FROM audit_records WHERE id = 28");
    assertFails(28L, null, "the chain head names record 28, the newest record is 27");
  }

  @Test
  void aChainHeadMovedBackOverRecordsIsCaught() throws SQLException {
    // Past the newest checkpoint (25), so only the records beyond the head give it away.
    String hash26 = hashOf(26);
    fixture.execute("UPDATE audit_chain_head SET last_id = 26, last_hash = '" + hash26 + "'");
    assertFails(27L, null, "records 27..28 lie beyond the chain head (record 26)");
  }

  @Test
  void truncationWithTheHeadMovedBackIsCaughtByACheckpoint() throws SQLException {
    String hash22 = hashOf(22);
    // Also delete the database's checkpoints: the log outside the database still has them.
    fixture.execute("DELETE FROM audit_records WHERE id > 22",
        "UPDATE audit_chain_head SET last_id = 22, last_hash = '" + hash22 + "'",
        "DELETE FROM audit_checkpoints");
    assertFails(23L, null, "checkpoint 3 (signed ");
    assertThat(verify().problem()).contains("covers 25 records, the chain ends at record 22:"
        + " records 23..25 were removed");
  }

  @Test
  void anAlteredRecordWithEveryLaterHashRecomputedIsCaughtByACheckpointHead() throws SQLException {
    rewriteFrom(15, "It is 40 days. [1]");
    assertFails(11L, 2L, "records 11..20 were changed after they were signed");
    assertThat(verify().problem()).startsWith("checkpoint 2 (signed ");
  }

  @Test
  void aForgedCheckpointLineIsCaughtByItsSignature() throws IOException, SQLException {
    List<String> lines = new ArrayList<>(Files.readAllLines(log()));
    lines.set(2, lines.get(2).replace("\"size\":25", "\"size\":22"));
    Files.write(log(), lines);
    assertFails(null, 3L, "checkpoint 3 (checkpoints.jsonl line 3): the signature does not"
        + " verify with key ");
  }

  @Test
  void aForgedCheckpointRowIsCaughtByItsSignature() throws SQLException {
    fixture.execute("UPDATE audit_checkpoints SET tree_size = 22 WHERE seq = 3");
    assertFails(null, 3L, "checkpoint 3 (database table audit_checkpoints line 3): the"
        + " signature does not verify");
  }

  @Test
  void aCheckpointSignedWithAnotherKeyIsCaught() throws IOException, SQLException {
    CheckpointSigner mallory = new CheckpointSigner(SigningKeys.generate());
    Checkpoint third = CheckpointLog.read(log()).entries().get(2).checkpoint();
    Checkpoint forged = mallory.sign(3, 22, hashOf(22), third.signedAt(), third.previousHash());
    List<String> lines = new ArrayList<>(Files.readAllLines(log()));
    lines.set(2, CheckpointLog.line(forged));
    Files.write(log(), lines);
    assertFails(null, 3L, "is signed by key " + mallory.keyId()
        + ", which is not among the given public keys");
  }

  @Test
  void reorderedCheckpointsAreCaught() throws IOException, SQLException {
    List<String> lines = new ArrayList<>(Files.readAllLines(log()));
    Collections.swap(lines, 1, 2);
    Files.write(log(), lines);
    assertFails(null, 2L, "checkpoint 2 (checkpoints.jsonl line 3) comes after checkpoint 3"
        + " (line 2): the log was reordered");
  }

  @Test
  void aCheckpointRemovedFromEverySourceIsCaught() throws IOException, SQLException {
    List<String> lines = new ArrayList<>(Files.readAllLines(log()));
    lines.remove(1);
    Files.write(log(), lines);
    fixture.execute("DELETE FROM audit_checkpoints WHERE seq = 2");
    assertFails(null, 3L, "checkpoints 2..2 are missing from every source");
  }

  @Test
  void twoInstancesSigningAtOnceKeepOneCheckpointHistory() throws Exception {
    CheckpointWriter other = new CheckpointWriter(new CheckpointSigner(keys), this::connect,
        new CheckpointLog(checkpointDir.resolve("replica-b")), Clock.systemUTC());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 8; round++) {
        fixture.append(2);
        fixture.append(2);
        var first = pool.submit(writer::checkpoint);
        var second = pool.submit(other::checkpoint);
        // Exactly one signs: the other finds nothing new, or loses the race for the seq.
        assertThat(first.get().isPresent()).isNotEqualTo(second.get().isPresent());
      }
    } finally {
      pool.shutdown();
    }
    AuditVerification result = verify();
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.coveredRecords()).isEqualTo(44);
    assertThat(CheckpointLog.read(checkpointDir.resolve("replica-b").resolve(
        CheckpointLog.FILE_NAME)).entries()).hasSize((int) result.checkpoints());
  }

  @Test
  void anExportBundleVerifiesAndATamperedOneFails() throws Exception {
    assertThat(writer.checkpoint()).get().extracting(Checkpoint::treeSize).isEqualTo(28L);
    Map<String, byte[]> bundle = export(5, 12);
    AuditVerification result = verifyBundle(bundle);
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.records()).isEqualTo(8);
    String links = new String(bundle.get(ExportBundle.LINK_RECORDS), StandardCharsets.UTF_8);
    assertThat(links.lines()).hasSize(8);
    assertThat(links).doesNotContain("It is ");

    Map<String, byte[]> altered = new LinkedHashMap<>(bundle);
    String records = new String(bundle.get(ExportBundle.RECORDS), StandardCharsets.UTF_8);
    String seventh = records.lines().filter(l -> l.startsWith("{\"id\":7,")).findFirst()
        .orElseThrow();
    altered.put(ExportBundle.RECORDS, records.replace(seventh,
        seventh.replaceFirst("\"answer\":\"It is \\d+ days", "\"answer\":\"It is 99 days"))
        .getBytes(StandardCharsets.UTF_8));
    assertThat(verifyBundle(altered).problem())
        .isEqualTo("records.jsonl does not match the manifest's SHA-256");
    AuditVerification reHashed = verifyBundle(withManifestHashes(altered));
    assertThat(reHashed.intact()).isFalse();
    assertThat(reHashed.firstBrokenId()).isEqualTo(7L);
    assertThat(reHashed.problem()).isEqualTo("record 7 content does not match its digest");
  }

  /** A SHA-256 digest in hex, quoted as the records hold it. */
  private static final Pattern HEX_DIGEST =
      Pattern.compile("\"[0-9a-f]{64}\"");

  @Test
  void anAuditorsExportWithholdsContentOfOtherGroupsDocumentsAndStillVerifies() throws Exception {
    fixture.addDocument("doc-hr", "hr/pay-bands.md", "hr");
    fixture.addDocument("doc-all", "canteen.md", "everyone");
    long hr = fixture.appendAnswerAbout(2, "doc-hr", "hr/pay-bands.md", "band L7 pay is 9450");
    long open = fixture.appendAnswerAbout(2, "doc-all", "canteen.md", "kedgeree on Thursday");
    long oldScheme = fixture.appendAnswerAbout(1, "doc-hr", "hr/pay-bands.md", "band L8 is 9900");
    long gone = fixture.appendAnswerAbout(2, "doc-gone", "old/memo.md", "the memo said 12");
    assertThat(writer.checkpoint()).get().extracting(Checkpoint::treeSize).isEqualTo(gone);

    Map<String, byte[]> bundle = export(21, gone, ExportAccess.forGroups(Set.of("everyone")));
    AuditVerification result = verifyBundle(bundle);
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.note()).contains("3 withheld from the exporter");
    String records = new String(bundle.get(ExportBundle.RECORDS), StandardCharsets.UTF_8);
    // The chain's hex digests may hold any four digits ("...c89450c1..."): the withheld figures
    // are looked for in the records' content, without them.
    String content = HEX_DIGEST.matcher(records).replaceAll("\"\"");
    assertThat(content).doesNotContain("9450").doesNotContain("9900").doesNotContain("said 12")
        .contains("kedgeree on Thursday");
    List<String> withheld = new String(bundle.get(ExportBundle.WITHHELD),
        StandardCharsets.UTF_8).lines().toList();
    assertThat(withheld).hasSize(3);
    var first = ExportBundle.JSON.readTree(withheld.get(0));
    assertThat(first.path("id").asLong()).isEqualTo(hr);
    assertThat(first.path("documents").get(0).path("documentId").asText()).isEqualTo("doc-hr");
    assertThat(first.path("documents").get(0).path("reason").asText()).isEqualTo("readable by hr");
    assertThat(first.path("redacted").path("retrieved").get(0).path("vectorRank").asInt())
        .isEqualTo(2);
    assertThat(first.path("redacted").path("citations").get(0).path("quote").isNull()).isTrue();
    assertThat(ExportBundle.JSON.readTree(withheld.get(1)).path("id").asLong())
        .isEqualTo(oldScheme);
    assertThat(ExportBundle.JSON.readTree(withheld.get(2)).path("documents").get(0)
        .path("reason").asText()).isEqualTo("no longer in the index: its groups are unknown");
    var manifest = ExportBundle.JSON.readTree(bundle.get(ExportBundle.MANIFEST));
    assertThat(manifest.path("format").asText()).isEqualTo("groundwork-audit-export/2");
    assertThat(manifest.path("withheld").asInt()).isEqualTo(3);
    assertThat(manifest.path("withheldDocuments").toString())
        .isEqualTo("[\"doc-gone\",\"doc-hr\"]");

    // The same range for a reader of hr withholds only the record whose document is gone.
    Map<String, byte[]> forHr = export(21, gone, ExportAccess.forGroups(Set.of("hr")));
    assertThat(new String(forHr.get(ExportBundle.RECORDS), StandardCharsets.UTF_8))
        .contains("9450").contains("9900").doesNotContain("said 12");
    assertThat(verifyBundle(forHr).intact()).isTrue();

    // A withheld record left off withheld.jsonl reads as erased content.
    Map<String, byte[]> unlisted = new LinkedHashMap<>(bundle);
    unlisted.put(ExportBundle.WITHHELD, String.join("\n", withheld.subList(1, 3))
        .concat("\n").getBytes(StandardCharsets.UTF_8));
    var unlistedManifest = (com.fasterxml.jackson.databind.node.ObjectNode) manifest.deepCopy();
    unlistedManifest.put("withheld", 2);
    unlisted.put(ExportBundle.MANIFEST, ExportBundle.JSON.writeValueAsBytes(unlistedManifest));
    AuditVerification erased = verifyBundle(withManifestHashes(unlisted));
    assertThat(erased.intact()).isFalse();
    assertThat(erased.firstBrokenId()).isEqualTo(hr);
    assertThat(erased.problem()).startsWith("record " + hr + " has no content: it was erased");

    // Listing a record as withheld does not let its digest be changed.
    Map<String, byte[]> forged = new LinkedHashMap<>(bundle);
    String line = records.lines().filter(l -> l.startsWith("{\"id\":" + hr + ","))
        .findFirst().orElseThrow();
    String digest = ExportBundle.JSON.readTree(line).path("contentDigest").asText();
    forged.put(ExportBundle.RECORDS, records.replace(line, line.replace(digest,
        "0".repeat(64))).getBytes(StandardCharsets.UTF_8));
    AuditVerification forgedResult = verifyBundle(withManifestHashes(forged));
    assertThat(forgedResult.intact()).isFalse();
    assertThat(forgedResult.firstBrokenId()).isEqualTo(hr);

    StringWriter csv = new StringWriter();
    try (Connection connection = connect()) {
      new AuditExporter().writeCsv(connection, hr, open, ExportAccess.forGroups(Set.of("everyone")),
          csv);
    }
    List<String> rows = csv.toString().lines().toList();
    assertThat(rows.get(0)).endsWith(",record_hash,withheld_documents");
    assertThat(rows.get(1)).startsWith(hr + ",").doesNotContain("9450")
        .endsWith(",doc-hr hr/pay-bands.md");
    assertThat(rows.get(2)).startsWith(open + ",").contains("kedgeree on Thursday").endsWith(",");
  }

  @Test
  void anExportOfRecordsNoCheckpointCoversFails() throws Exception {
    AuditVerification result = verifyBundle(export(26, 28));
    assertThat(result.intact()).isFalse();
    assertThat(result.problem()).startsWith("no signed checkpoint in the bundle covers record 28");
  }

  @Test
  void csvDefusesFormulasAndQuotes() throws SQLException, IOException {
    fixture.execute("UPDATE audit_records SET question = '=HYPERLINK(\"x\"), leave' WHERE id = 3");
    StringWriter csv = new StringWriter();
    try (Connection connection = connect()) {
      assertThat(new AuditExporter().writeCsv(connection, null, null, csv)).isEqualTo(28);
    }
    List<String> lines = csv.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("id,created_at,action,user,groups,question,answer,refused,"
        + "answerer,prompt_version,details,record_hash,withheld_documents");
    assertThat(lines.get(3)).contains(",\"'=HYPERLINK(\"\"x\"\"), leave\",");
  }

  private Map<String, byte[]> export(long first, long last) throws Exception {
    return export(first, last, ExportAccess.full());
  }

  private Map<String, byte[]> export(long first, long last, ExportAccess access)
      throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (Connection connection = connect()) {
      new AuditExporter().writeBundle(connection, first, last, null, null, "erin", access, zip);
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private AuditVerification verifyBundle(Map<String, byte[]> entries) throws IOException {
    Path file = Files.createTempFile(dir, "bundle", ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return new BundleVerifier(TrustedKeys.of(keys.getPublic())).verify(file);
  }

  private static Map<String, byte[]> withManifestHashes(Map<String, byte[]> entries)
      throws IOException {
    var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) ExportBundle.JSON.readTree(
        entries.get(ExportBundle.MANIFEST));
    var hashes = (com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("sha256");
    for (String name : List.of(ExportBundle.RECORDS, ExportBundle.LINK_RECORDS,
        ExportBundle.CHECKPOINTS, ExportBundle.WITHHELD)) {
      hashes.put(name, io.groundwork.core.Hashes.sha256(entries.get(name)));
    }
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.put(ExportBundle.MANIFEST, ExportBundle.JSON.writeValueAsBytes(manifest));
    return copy;
  }

  private String hashOf(long id) throws SQLException {
    try (Connection connection = connect()) {
      return new AuditTables(connection).records(id - 1, id, 1).get(0).recordHash();
    }
  }

  /** Alters record {@code id}'s answer and recomputes its digest and every later hash. */
  private void rewriteFrom(long id, String answer) throws SQLException {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      AuditTables tables = new AuditTables(connection);
      List<StoredRecord> records = tables.records(id - 1, Long.MAX_VALUE, 1000);
      String previous = records.get(0).previousHash();
      try (PreparedStatement update = connection.prepareStatement("UPDATE audit_records SET"
          + " answer = ?, content_digest = ?, previous_hash = ?, record_hash = ? WHERE id = ?")) {
        for (StoredRecord r : records) {
          String text = r.id() == id ? answer : r.answer();
          StoredRecord changed = new StoredRecord(r.id(), r.createdAt(), r.hashVersion(),
              r.action(), r.username(), r.userGroups(), r.question(), r.request(), r.retrieved(),
              text, r.refused(), r.citations(), r.answerer(), r.promptVersion(), r.latencies(),
              r.verification(), r.fallbackReason(), r.details(), null, previous, "");
          String digest = RecordHashes.contentDigest(changed);
          String hash = RecordHashes.recordHash(AuditFixture.copy(changed, digest, ""));
          update.setString(1, text);
          update.setString(2, digest);
          update.setString(3, previous);
          update.setString(4, hash);
          update.setLong(5, r.id());
          update.executeUpdate();
          previous = hash;
        }
      }
      try (PreparedStatement head = connection.prepareStatement(
          "UPDATE audit_chain_head SET last_hash = ? WHERE id = 1")) {
        head.setString(1, previous);
        head.executeUpdate();
      }
      connection.commit();
    }
  }
}
