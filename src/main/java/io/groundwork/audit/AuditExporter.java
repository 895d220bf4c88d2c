package io.groundwork.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the records created in a time range as a verifiable bundle ({@link ExportBundle}) or
 * as CSV for spreadsheets, as an {@link ExportAccess} may read them (an auditor's export withholds
 * the content of records about documents of groups the auditor does not hold). Reads with plain
 * JDBC, a page at a time. Stateless; thread-safe.
 */
public final class AuditExporter {
  private static final int PAGE = 500;
  private static final List<String> CSV_COLUMNS = List.of("id", "created_at", "action", "user",
      "groups", "question", "answer", "refused", "answerer", "prompt_version", "details",
      "record_hash", "withheld_documents");

  /** What a bundle holds, as its manifest says. */
  public record Summary(long firstId, long lastId, long records, long linkRecords,
      long checkpoints, long withheld) {}

  /**
   * A record whose content an export withheld: a line of {@link ExportBundle#WITHHELD}.
   *
   * @param id the record
   * @param link true when it is a link record (after the range)
   * @param documents the documents it drew on that the exporter may not read
   * @param redacted the record as the workspace pages show it redacted: request, retrieved
   *     chunks with scores and ranks, citations without quotes, verification without the
   *     sentences' text, answerer, prompt version, latencies, refused (null for a link record)
   */
  public record WithheldRecord(long id, boolean link, List<NeedToKnow.Withheld> documents,
      Map<String, Object> redacted) {}

  /**
   * The records of {@code firstId..lastId} whose content {@code access} withholds, in id order:
   * what the export's own audit record lists, read before the export is written.
   */
  public List<WithheldRecord> withheld(Connection connection, long firstId, long lastId,
      ExportAccess access) throws SQLException {
    List<WithheldRecord> withheld = new ArrayList<>();
    if (access.isFull()) {
      return withheld;
    }
    AuditTables tables = new AuditTables(connection);
    long after = firstId - 1;
    while (after < lastId) {
      List<StoredRecord> page = tables.records(after, lastId, PAGE);
      for (StoredRecord record : page) {
        List<NeedToKnow.Withheld> documents = access.withheld(connection, record);
        if (!documents.isEmpty()) {
          withheld.add(new WithheldRecord(record.id(), false, documents, null));
        }
        after = record.id();
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    return withheld;
  }

  /**
   * Writes the bundle of records created in {@code [from, to)} (null: unbounded).
   *
   * @return what was written
   */
  public Summary writeBundle(Connection connection, OffsetDateTime from, OffsetDateTime to,
      String exportedBy, OutputStream out) throws SQLException, IOException {
    Optional<long[]> range = new AuditTables(connection).idRange(from, to);
    return writeBundle(connection, range.map(r -> r[0]).orElse(0L),
        range.map(r -> r[1]).orElse(-1L), from == null ? null : from.toString(),
        to == null ? null : to.toString(), exportedBy, out);
  }

  /** Writes the full bundle of records {@code firstId..lastId}, content included. */
  public Summary writeBundle(Connection connection, long firstId, long lastId, String from,
      String to, String exportedBy, OutputStream out) throws SQLException, IOException {
    return writeBundle(connection, firstId, lastId, from, to, exportedBy, ExportAccess.full(),
        out);
  }

  /**
   * Writes the bundle of records {@code firstId..lastId} (none when {@code lastId < firstId})
   * as {@code access} may read them: a withheld record without its content, listed in
   * {@link ExportBundle#WITHHELD}. {@code from} and {@code to} are only written to the manifest.
   */
  public Summary writeBundle(Connection connection, long firstId, long lastId, String from,
      String to, String exportedBy, ExportAccess access, OutputStream out)
      throws SQLException, IOException {
    AuditTables tables = new AuditTables(connection);
    boolean empty = lastId < firstId;
    long first = empty ? 0 : firstId;
    long last = empty ? -1 : lastId;
    List<Checkpoint> all = tables.checkpoints();
    // Pruned records of the range are accounted for by later pruning records: the links reach
    // the newest one that names a record of the range, and keep its content.
    long reach = empty ? last : Math.max(last, newestPruningOf(tables, first, last));
    long cover = empty ? last : all.stream().mapToLong(Checkpoint::treeSize)
        .filter(size -> size >= reach).min().orElse(reach);
    List<Checkpoint> checkpoints = empty ? List.of() : all.stream()
        .filter(c -> c.treeSize() >= first - 1 && c.treeSize() <= cover).toList();
    Map<String, String> hashes = new LinkedHashMap<>();
    long[] counts = new long[2];
    List<WithheldRecord> withheld = new ArrayList<>();
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    hashes.put(ExportBundle.RECORDS, entry(zip, ExportBundle.RECORDS, stream -> {
      counts[0] = writeRecords(connection, tables, first, last, false, access, withheld, stream);
    }));
    hashes.put(ExportBundle.LINK_RECORDS, entry(zip, ExportBundle.LINK_RECORDS, stream -> {
      counts[1] = writeRecords(connection, tables, last + 1, cover, true, access, withheld,
          stream);
    }));
    hashes.put(ExportBundle.WITHHELD, entry(zip, ExportBundle.WITHHELD, stream -> {
      for (WithheldRecord record : withheld) {
        stream.write(ExportBundle.JSON.writeValueAsBytes(record));
        stream.write('\n');
      }
    }));
    hashes.put(ExportBundle.CHECKPOINTS, entry(zip, ExportBundle.CHECKPOINTS, stream -> {
      for (Checkpoint checkpoint : checkpoints) {
        stream.write((CheckpointLog.line(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", ExportBundle.FORMAT);
    manifest.put("exportedAt", Instant.now().toString());
    manifest.put("exportedBy", exportedBy);
    manifest.put("from", from);
    manifest.put("to", to);
    manifest.put("firstId", first);
    manifest.put("lastId", last);
    manifest.put("records", counts[0]);
    manifest.put("linkRecords", counts[1]);
    manifest.put("checkpoints", checkpoints.size());
    manifest.put("withheld", withheld.size());
    manifest.put("withheldDocuments", withheld.stream()
        .flatMap(w -> w.documents().stream().map(NeedToKnow.Withheld::documentId))
        .distinct().sorted().toList());
    manifest.put("sha256", hashes);
    zip.putNextEntry(new ZipEntry(ExportBundle.MANIFEST));
    zip.write(ExportBundle.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    zip.closeEntry();
    zip.finish();
    zip.flush();
    return new Summary(first, last, counts[0], counts[1], checkpoints.size(), withheld.size());
  }

  /** Writes the records created in {@code [from, to)} as CSV, content included. */
  public long writeCsv(Connection connection, OffsetDateTime from, OffsetDateTime to, Writer out)
      throws SQLException, IOException {
    Optional<long[]> range = new AuditTables(connection).idRange(from, to);
    return writeCsv(connection, range.map(r -> r[0]).orElse(0L),
        range.map(r -> r[1]).orElse(-1L), ExportAccess.full(), out);
  }

  /**
   * Writes records {@code firstId..lastId} as CSV (RFC 4180, UTF-8, header row) as
   * {@code access} may read them: a withheld record has no question and answer, and its
   * {@code withheld_documents} cell names each withheld document with its path, separated by
   * {@code ; }.
   */
  public long writeCsv(Connection connection, long firstId, long lastId, ExportAccess access,
      Writer out) throws SQLException, IOException {
    AuditTables tables = new AuditTables(connection);
    out.write(String.join(",", CSV_COLUMNS) + "\r\n");
    if (lastId < firstId) {
      out.flush();
      return 0;
    }
    long count = 0;
    long after = firstId - 1;
    while (true) {
      List<StoredRecord> page = tables.records(after, lastId, PAGE);
      for (StoredRecord r : page) {
        List<NeedToKnow.Withheld> documents = access.withheld(connection, r);
        boolean redact = !documents.isEmpty();
        List<String> cells = List.of(String.valueOf(r.id()), r.createdAt().toString(), r.action(),
            r.username(), r.userGroups(), redact ? "" : nullToEmpty(r.question()),
            redact ? "" : nullToEmpty(r.answer()),
            String.valueOf(r.refused()), nullToEmpty(r.answerer()),
            nullToEmpty(r.promptVersion()), nullToEmpty(r.details()), r.recordHash(),
            String.join("; ", documents.stream().map(d -> d.documentId() + " " + d.path())
                .toList()));
        List<String> escaped = new ArrayList<>();
        for (String cell : cells) {
          escaped.add(csv(cell));
        }
        out.write(String.join(",", escaped) + "\r\n");
        after = r.id();
        count++;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    out.flush();
    return count;
  }

  /**
   * One CSV cell: quoted when needed, and a leading {@code = + - @} (or tab, CR) defused with an
   * apostrophe so that a spreadsheet never runs a question as a formula.
   */
  static String csv(String value) {
    String cell = value;
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      cell = "'" + cell;
    }
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      cell = "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }

  private static long newestPruningOf(AuditTables tables, long first, long last)
      throws SQLException {
    long newest = 0;
    for (StoredRecord record : tables.retentionRecords(Long.MAX_VALUE)) {
      if (!record.action().equals(RetentionLedger.PRUNE) || record.details() == null) {
        continue;
      }
      try {
        for (long[] range : RetentionLedger.ranges(
            RetentionLedger.JSON.readTree(record.details()).path("pruned"))) {
          if (range[0] <= last && range[1] >= first) {
            newest = Math.max(newest, record.id());
          }
        }
      } catch (IOException e) {
        // Unreadable details fail the bundle's verification at that record.
      }
    }
    return newest;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static long writeRecords(Connection connection, AuditTables tables, long first,
      long last, boolean linkOnly, ExportAccess access, List<WithheldRecord> withheld,
      OutputStream out) throws SQLException, IOException {
    long count = 0;
    long after = first - 1;
    while (after < last) {
      List<StoredRecord> page = tables.records(after, last, PAGE);
      for (StoredRecord record : page) {
        StoredRecord written = linkOnly && record.hashVersion() > 1
            && !RetentionLedger.ACTIONS.contains(record.action()) ? record.withoutContent()
            : record;
        if (!written.contentAbsent()) {
          List<NeedToKnow.Withheld> documents = access.withheld(connection, record);
          if (!documents.isEmpty()) {
            withheld.add(new WithheldRecord(record.id(), linkOnly, documents,
                linkOnly ? null : redacted(record)));
            written = record.contentWithheld();
          }
        }
        out.write(ExportBundle.JSON.writeValueAsBytes(written));
        out.write('\n');
        after = record.id();
        count++;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    return count;
  }

  /** What the workspace pages show of a redacted record: no question, answer, quotes, text. */
  private static Map<String, Object> redacted(StoredRecord record) throws IOException {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("refused", record.refused());
    view.put("answerer", record.answerer());
    view.put("promptVersion", record.promptVersion());
    view.put("request", tree(record.request()));
    view.put("retrieved", tree(record.retrieved()));
    view.put("citations", NeedToKnow.withoutQuotes(tree(record.citations())));
    view.put("verification", NeedToKnow.withoutSentences(tree(record.verification())));
    view.put("latencies", tree(record.latencies()));
    view.put("fallbackReason", record.fallbackReason());
    view.put("details", tree(record.details()));
    return view;
  }

  private static JsonNode tree(String json) throws IOException {
    return json == null ? null : ExportBundle.JSON.readTree(json);
  }

  @FunctionalInterface
  private interface Body {
    void write(OutputStream out) throws SQLException, IOException;
  }

  /** Writes one zip entry through {@code body} and returns the SHA-256 of its bytes. */
  private static String entry(ZipOutputStream zip, String name, Body body)
      throws SQLException, IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    zip.putNextEntry(new ZipEntry(name));
    OutputStream unclosable = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        zip.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        zip.write(b, off, len);
      }
    };
    body.write(new DigestOutputStream(unclosable, digest));
    zip.closeEntry();
    return HexFormat.of().formatHex(digest.digest());
  }
}
