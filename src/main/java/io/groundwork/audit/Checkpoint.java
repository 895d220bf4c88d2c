package io.groundwork.audit;

import io.groundwork.core.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A signed statement of the audit chain's state: its size (records 1..size), the hash of record
 * {@code size} (the head), when it was signed, and the hash of the checkpoint before it, so that
 * checkpoints form a chain of their own. The signature (Ed25519) covers {@link #statement()}.
 * Immutable.
 *
 * @param seq position in the checkpoint chain, 1 for the first
 * @param treeSize how many records the checkpoint covers
 * @param headHash the hash of record {@code treeSize} ({@link RecordHashes#GENESIS} for 0)
 * @param signedAt when it was signed (millisecond precision)
 * @param previousHash {@link #hash()} of checkpoint {@code seq - 1}, GENESIS for the first
 * @param keyId the signing key's id ({@link SigningKeys#keyId})
 * @param signature base64 Ed25519 signature of {@link #statement()}
 */
public record Checkpoint(long seq, long treeSize, String headHash, Instant signedAt,
    String previousHash, String keyId, String signature) {
  /** First line of every statement: the format and its version. */
  public static final String FORMAT = "groundwork-audit-checkpoint/1";
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  public Checkpoint {
    if (seq < 1) {
      throw new IllegalArgumentException("checkpoint seq must be at least 1, got " + seq);
    }
    if (treeSize < 0) {
      throw new IllegalArgumentException("checkpoint size must not be negative, got " + treeSize);
    }
    requireHash("headHash", headHash);
    requireHash("previousHash", previousHash);
    Objects.requireNonNull(signedAt, "signedAt");
    signedAt = signedAt.truncatedTo(ChronoUnit.MILLIS);
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException("checkpoint keyId must not be blank");
    }
    if (signature == null || signature.isBlank()) {
      throw new IllegalArgumentException("checkpoint signature must not be blank");
    }
  }

  /** The exact text that is signed: one field a line, in this order. */
  public String statement() {
    return statement(seq, treeSize, headHash, signedAt, previousHash, keyId);
  }

  /** The statement of an unsigned checkpoint with these fields. */
  public static String statement(long seq, long treeSize, String headHash, Instant signedAt,
      String previousHash, String keyId) {
    return FORMAT + "\n"
        + "seq " + seq + "\n"
        + "size " + treeSize + "\n"
        + "head " + headHash + "\n"
        + "time " + signedAt.truncatedTo(ChronoUnit.MILLIS) + "\n"
        + "previous " + previousHash + "\n"
        + "key " + keyId + "\n";
  }

  /** The hash the next checkpoint links to: statement and signature together. */
  public String hash() {
    return Hashes.sha256(statement() + "signature " + signature + "\n");
  }

  /** The signature's bytes; empty when it is not valid base64 (then it cannot verify). */
  public byte[] signatureBytes() {
    try {
      return Base64.getDecoder().decode(signature.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  /** The fields as written to the checkpoint log and export bundles, in statement order. */
  public Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("seq", seq);
    fields.put("size", treeSize);
    fields.put("head", headHash);
    fields.put("time", signedAt.toString());
    fields.put("previous", previousHash);
    fields.put("key", keyId);
    fields.put("signature", signature);
    return fields;
  }

  private static void requireHash(String name, String value) {
    if (value == null || !HASH.matcher(value).matches()) {
      throw new IllegalArgumentException("checkpoint " + name
          + " must be 64 lower-case hex digits, got " + value);
    }
  }
}
