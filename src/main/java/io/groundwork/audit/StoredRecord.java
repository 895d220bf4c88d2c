package io.groundwork.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit record exactly as stored: the columns every hash scheme covers, read back with plain
 * JDBC by the verifier and the export (no persistence unit needed). Content columns are null in
 * administrative records that do not use them (and may be nulled by retention in scheme 2, whose
 * chain covers only the content's digest). Immutable.
 *
 * @param id position in the chain, 1 for the first record, gap-free
 * @param createdAt when the record was appended (millisecond precision)
 * @param hashVersion the hash scheme: 1 = hash over the full content, 2 = hash over metadata
 *     and the content digest
 * @param action {@code answer} for answered questions, else the administrative action
 * @param username who asked or acted
 * @param userGroups the caller's groups, sorted, comma-separated
 * @param question the question, or null
 * @param request the request parameters (JSON), or null
 * @param retrieved the retrieved chunks (JSON), or null
 * @param answer the answer text, or null
 * @param refused whether the answer was a refusal
 * @param citations the citations (JSON), or null
 * @param answerer the answerer's name, or null
 * @param promptVersion the prompt version, or null
 * @param latencies stage latencies (JSON), or null
 * @param verification per-sentence verification (JSON), or null
 * @param fallbackReason why the LLM answer fell back to the extractive one, or null
 * @param details what an administrative action did (JSON), or null
 * @param contentDigest SHA-256 of the canonical content (scheme 2), null in scheme 1
 * @param previousHash the previous record's hash ({@link RecordHashes#GENESIS} for record 1)
 * @param recordHash this record's hash as stored
 */
public record StoredRecord(
    long id, Instant createdAt, int hashVersion, String action, String username,
    String userGroups, String question, String request, String retrieved, String answer,
    boolean refused, String citations, String answerer, String promptVersion, String latencies,
    String verification, String fallbackReason, String details, String contentDigest,
    String previousHash, String recordHash) {

  public StoredRecord {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(userGroups, "userGroups");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(recordHash, "recordHash");
    if (hashVersion != 1 && hashVersion != 2) {
      throw new IllegalArgumentException("record " + id + ": unknown hash version " + hashVersion);
    }
  }

  /** True when no content column is left (pruned, or a scheme-2 record exported as a link). */
  public boolean contentAbsent() {
    return question == null && request == null && retrieved == null && answer == null
        && citations == null && answerer == null && promptVersion == null && latencies == null
        && verification == null && fallbackReason == null && details == null;
  }

  /** The same record without its content: enough to recompute a scheme-2 chain. */
  public StoredRecord withoutContent() {
    if (hashVersion == 1) {
      throw new IllegalStateException("record " + id + " uses hash scheme 1, whose hash covers"
          + " the content itself");
    }
    return new StoredRecord(id, createdAt, hashVersion, action, username, userGroups, null, null,
        null, null, false, null, null, null, null, null, null, null, contentDigest, previousHash,
        recordHash);
  }

  /**
   * The same record without its content, whatever its scheme: what an export carries of a
   * record withheld from its reader. A scheme-1 record then keeps only its stored hash, which
   * the records after it link to.
   */
  public StoredRecord contentWithheld() {
    return new StoredRecord(id, createdAt, hashVersion, action, username, userGroups, null, null,
        null, null, false, null, null, null, null, null, null, null, contentDigest, previousHash,
        recordHash);
  }
}
