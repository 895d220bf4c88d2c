package io.groundwork.audit;

import java.util.List;
import java.util.Set;

/**
 * Walks a run of records in id order, from an anchor (the hash before the first record), and
 * checks each record's number, link and hashes, and every checkpoint whose size falls in the run
 * against the recomputed head. Not thread-safe: one walk, one thread.
 */
final class ChainWalk {
  private final List<Checkpoint> checkpoints;
  private final RetentionLedger retention;
  private final Set<Long> withheld;
  private int next;
  private long expectedId;
  private String head;
  private long agreedSize;
  private long walked;

  /**
   * @param firstId the id the first record must have
   * @param anchor the hash the first record must link to (GENESIS when {@code firstId} is 1)
   * @param checkpoints verified checkpoints, by seq (so by size)
   * @throws VerificationFailure.Found when a checkpoint at size {@code firstId - 1} disagrees
   *     with the anchor
   */
  ChainWalk(long firstId, String anchor, List<Checkpoint> checkpoints)
      throws VerificationFailure.Found {
    this(firstId, anchor, checkpoints, RetentionLedger.empty());
  }

  /**
   * A walk that accepts stored records without content exactly where {@code retention} says a
   * pruning accounts for them.
   *
   * @throws VerificationFailure.Found when a checkpoint at size {@code firstId - 1} disagrees
   *     with the anchor
   */
  ChainWalk(long firstId, String anchor, List<Checkpoint> checkpoints, RetentionLedger retention)
      throws VerificationFailure.Found {
    this(firstId, anchor, checkpoints, retention, Set.of());
  }

  /**
   * A walk over an export bundle that also accepts, without content, the records the export
   * withheld from its reader: a withheld scheme-2 record is checked by its digest and hash, a
   * withheld scheme-1 record only by the link of the record after it to its stored hash.
   *
   * @throws VerificationFailure.Found when a checkpoint at size {@code firstId - 1} disagrees
   *     with the anchor
   */
  ChainWalk(long firstId, String anchor, List<Checkpoint> checkpoints, RetentionLedger retention,
      Set<Long> withheld) throws VerificationFailure.Found {
    this.withheld = Set.copyOf(withheld);
    this.checkpoints = List.copyOf(checkpoints);
    this.retention = retention;
    this.expectedId = firstId;
    this.head = anchor;
    this.agreedSize = firstId - 1;
    while (next < this.checkpoints.size() && this.checkpoints.get(next).treeSize() < firstId - 1) {
      next++;
    }
    checkCheckpointsAt(firstId - 1);
  }

  /**
   * Checks the next record.
   *
   * @param contentRequired true when the record must hold its content unless a retention
   *     pruning accounts for it (every stored record), false for the link records of an export
   *     bundle, which carry only metadata and the content digest
   */
  void accept(StoredRecord record, boolean contentRequired) throws VerificationFailure.Found {
    if (record.id() != expectedId) {
      throw new VerificationFailure.Found(VerificationFailure.record(expectedId, record.id() > expectedId
          ? "record " + expectedId + " is missing (the chain continues with record " + record.id()
              + ")"
          : "record " + record.id() + " is out of order"));
    }
    if (!record.previousHash().equals(head)) {
      throw failRecord(record, record.id() == 1 ? "does not start from the genesis hash"
          : "does not link to the record before it (its previous hash differs)");
    }
    boolean withheldContent = record.contentAbsent() && withheld.contains(record.id());
    if (record.hashVersion() == 1) {
      if (!withheldContent && !RecordHashes.recordHash(record).equals(record.recordHash())) {
        throw failRecord(record, "content does not match its hash");
      }
    } else {
      if (record.contentAbsent() && contentRequired && !withheldContent) {
        String erasure = retention.unaccountedErasure(record);
        if (erasure != null) {
          throw failRecord(record, erasure);
        }
      }
      if (!record.contentAbsent()
          && !RecordHashes.contentDigest(record).equals(record.contentDigest())) {
        throw failRecord(record, "content does not match its digest");
      }
      if (!RecordHashes.recordHash(record).equals(record.recordHash())) {
        throw failRecord(record, "metadata or content digest does not match its hash");
      }
    }
    head = record.recordHash();
    expectedId++;
    walked++;
    checkCheckpointsAt(record.id());
  }

  /**
   * Ends the walk: a checkpoint beyond the last record means records were removed.
   *
   * @param allowBeyond true when checkpoints beyond the walked records are expected (a bundle
   *     that ends before its newest checkpoint)
   */
  void finish(boolean allowBeyond) throws VerificationFailure.Found {
    if (!allowBeyond && next < checkpoints.size()) {
      Checkpoint beyond = checkpoints.get(checkpoints.size() - 1);
      long last = expectedId - 1;
      throw new VerificationFailure.Found(VerificationFailure.record(last + 1, "checkpoint "
          + beyond.seq() + " (signed " + beyond.signedAt() + ") covers " + beyond.treeSize()
          + " records, the chain ends at record " + last + ": records " + (last + 1) + ".."
          + beyond.treeSize() + " were removed"));
    }
  }

  /** The hash of the last record walked (the anchor when none). */
  String head() {
    return head;
  }

  long walked() {
    return walked;
  }

  /** The newest size a checkpoint agreed with. */
  long agreedSize() {
    return agreedSize;
  }

  private void checkCheckpointsAt(long size) throws VerificationFailure.Found {
    while (next < checkpoints.size() && checkpoints.get(next).treeSize() == size) {
      Checkpoint checkpoint = checkpoints.get(next);
      if (!checkpoint.headHash().equals(head)) {
        throw new VerificationFailure.Found(new VerificationFailure(Math.min(agreedSize + 1, size),
            checkpoint.seq(), "checkpoint " + checkpoint.seq() + " (signed "
            + checkpoint.signedAt() + ") has head " + checkpoint.headHash().substring(0, 12)
            + " at size " + size + ", the chain has " + head.substring(0, 12) + ": records "
            + Math.min(agreedSize + 1, size) + ".." + size + " were changed after they were signed"));
      }
      agreedSize = size;
      next++;
    }
  }

  private static VerificationFailure.Found failRecord(StoredRecord record, String problem) {
    return new VerificationFailure.Found(VerificationFailure.record(record.id(),
        "record " + record.id() + " " + problem));
  }
}
