package io.groundwork.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.groundwork.core.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Verifies an export bundle ({@link ExportBundle}) offline: the manifest's file hashes and
 * counts, every record's number, link and hashes from the record before the range, every
 * checkpoint's signature and link, each checkpoint's head against the recomputed chain, and that
 * a checkpoint covers the last record of the range. A record of the range without content must
 * be accounted for by a pruning record of the bundle (link records keep the content of retention
 * records for this); legal holds set before the range are not in the bundle, so the bundle
 * checks pruning against the holds it holds and the full trail's verifier against all. A record
 * without content may also be one the export withheld from its reader (format 2, listed in
 * {@link ExportBundle#WITHHELD}): its digest and hash still link the chain. Immutable and
 * thread-safe.
 */
public final class BundleVerifier {
  private final TrustedKeys keys;

  public BundleVerifier(TrustedKeys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a bundle is verified against at least one public key");
    }
  }

  /**
   * Verifies the bundle at {@code file}.
   *
   * @throws IOException when it cannot be read as a zip
   */
  public AuditVerification verify(Path file) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entries.put(entry.getName(), zip.readAllBytes()) != null) {
          return failed(0, 0, null, "the bundle holds " + entry.getName() + " twice");
        }
      }
    }
    if (!entries.containsKey(ExportBundle.MANIFEST)) {
      return failed(0, 0, null, "the bundle has no " + ExportBundle.MANIFEST);
    }
    JsonNode manifest = ExportBundle.JSON.readTree(entries.get(ExportBundle.MANIFEST));
    String format = manifest.path("format").asText();
    if (!ExportBundle.FORMAT.equals(format) && !ExportBundle.FORMAT_1.equals(format)) {
      return failed(0, 0, null, "not a bundle of format " + ExportBundle.FORMAT + " or "
          + ExportBundle.FORMAT_1);
    }
    List<String> files = ExportBundle.FORMAT.equals(format)
        ? List.of(ExportBundle.RECORDS, ExportBundle.LINK_RECORDS, ExportBundle.CHECKPOINTS,
            ExportBundle.WITHHELD)
        : List.of(ExportBundle.RECORDS, ExportBundle.LINK_RECORDS, ExportBundle.CHECKPOINTS);
    for (String name : files) {
      if (!entries.containsKey(name)) {
        return failed(0, 0, null, "the bundle has no " + name);
      }
    }
    for (String name : files) {
      if (!Hashes.sha256(entries.get(name)).equals(manifest.path("sha256").path(name).asText())) {
        return failed(0, 0, null, name + " does not match the manifest's SHA-256");
      }
    }
    List<StoredRecord> records = records(entries.get(ExportBundle.RECORDS));
    List<StoredRecord> links = records(entries.get(ExportBundle.LINK_RECORDS));
    Set<Long> withheld = new HashSet<>();
    if (entries.containsKey(ExportBundle.WITHHELD) && ExportBundle.FORMAT.equals(format)) {
      for (String line : new String(entries.get(ExportBundle.WITHHELD), StandardCharsets.UTF_8)
          .lines().toList()) {
        if (!line.isBlank()) {
          withheld.add(ExportBundle.JSON.readTree(line).path("id").asLong());
        }
      }
      if (withheld.size() != manifest.path("withheld").asLong()) {
        return failed(0, 0, null, "the manifest lists " + manifest.path("withheld").asLong()
            + " withheld records, " + ExportBundle.WITHHELD + " holds " + withheld.size());
      }
    }
    long firstId = manifest.path("firstId").asLong();
    long lastId = manifest.path("lastId").asLong();
    if (records.size() != manifest.path("records").asLong()) {
      return failed(0, 0, null, "the manifest lists " + manifest.path("records").asLong()
          + " records, " + ExportBundle.RECORDS + " holds " + records.size());
    }
    if (records.isEmpty()) {
      return new AuditVerification(true, true, 0, 0, 0, null, null, null, null,
          "the bundle holds no records");
    }
    if (records.get(0).id() != firstId || records.get(records.size() - 1).id() != lastId) {
      return failed(0, 0, null, "the records run from " + records.get(0).id() + " to "
          + records.get(records.size() - 1).id() + ", the manifest says " + firstId + " to "
          + lastId);
    }
    CheckpointSource source = CheckpointLog.parse(ExportBundle.CHECKPOINTS, new String(
        entries.get(ExportBundle.CHECKPOINTS), StandardCharsets.UTF_8).lines().toList());
    List<Checkpoint> checkpoints = List.of();
    long walked = 0;
    try {
      checkpoints = CheckpointChecks.merge(List.of(source), keys, true, false, new long[1]);
      String anchor = firstId == 1 ? RecordHashes.GENESIS : records.get(0).previousHash();
      List<StoredRecord> all = new ArrayList<>(records);
      all.addAll(links);
      ChainWalk walk = new ChainWalk(firstId, anchor, checkpoints, RetentionLedger.of(all),
          withheld);
      for (StoredRecord record : records) {
        walk.accept(record, true);
      }
      walked = walk.walked();
      for (StoredRecord link : links) {
        walk.accept(link, false);
      }
      walk.finish(false);
      if (checkpoints.stream().noneMatch(c -> c.treeSize() >= lastId)) {
        return failed(walked, checkpoints.size(), lastId, "no signed checkpoint in the bundle"
            + " covers record " + lastId + " (the trail was unsigned, or the export was made"
            + " before a checkpoint covered it)");
      }
    } catch (VerificationFailure.Found e) {
      return new AuditVerification(false, true, walked, checkpoints.size(), covered(checkpoints),
          null, e.failure.recordId(), e.failure.checkpointSeq(), e.failure.problem(), null);
    }
    Checkpoint newest = checkpoints.get(checkpoints.size() - 1);
    return new AuditVerification(true, true, walked, checkpoints.size(), newest.treeSize(),
        newest.signedAt(), null, null, null, "records " + firstId + ".." + lastId
        + (withheld.isEmpty() ? "" : "; " + withheld.size() + " withheld from the exporter"
            + " (content not in the bundle, digests and hashes verified)"));
  }

  private static long covered(List<Checkpoint> checkpoints) {
    return checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).treeSize();
  }

  private static AuditVerification failed(long records, long checkpoints, Long recordId,
      String problem) {
    return new AuditVerification(false, true, records, checkpoints, 0, null, recordId, null,
        problem, null);
  }

  private static List<StoredRecord> records(byte[] lines) throws IOException {
    List<StoredRecord> records = new ArrayList<>();
    for (String line : new String(lines, StandardCharsets.UTF_8).lines().toList()) {
      if (!line.isBlank()) {
        records.add(ExportBundle.JSON.readValue(line, StoredRecord.class));
      }
    }
    return records;
  }
}
