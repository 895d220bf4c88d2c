package io.groundwork.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks checkpoints from several sources and merges them into one signed history: each
 * signature, the order and links within each source, agreement between sources (one checkpoint
 * per seq), no gap, and sizes that never shrink. Stateless; thread-safe.
 */
final class CheckpointChecks {
  private CheckpointChecks() {}

  /**
   * The merged checkpoints, by seq.
   *
   * @param strictKeys fail on a checkpoint of an unknown key (else skip it and count it in
   *     {@code skipped})
   * @param fromGenesis require the history to start at checkpoint 1
   * @throws VerificationFailure.Found at the first failure
   */
  static List<Checkpoint> merge(List<CheckpointSource> sources, TrustedKeys keys,
      boolean strictKeys, boolean fromGenesis, long[] skipped) throws VerificationFailure.Found {
    Map<Long, Checkpoint> bySeq = new TreeMap<>();
    Map<Long, String> origin = new TreeMap<>();
    java.util.Set<Long> untrusted = new java.util.HashSet<>();
    for (CheckpointSource source : sources) {
      if (source.problem() != null) {
        throw fail(null, source.problem());
      }
      CheckpointSource.Entry before = null;
      for (CheckpointSource.Entry entry : source.entries()) {
        Checkpoint checkpoint = entry.checkpoint();
        String where = "checkpoint " + checkpoint.seq() + " (" + source.name() + " line "
            + entry.line() + ")";
        if (!keys.knows(checkpoint.keyId())) {
          if (strictKeys) {
            throw fail(checkpoint, where + " is signed by key " + checkpoint.keyId()
                + ", which is not among the given public keys " + keys.keyIds());
          }
          if (untrusted.add(checkpoint.seq())) {
            skipped[0]++;
          }
          continue;
        }
        if (!keys.signatureValid(checkpoint)) {
          throw fail(checkpoint, where + ": the signature does not verify with key "
              + checkpoint.keyId() + " (forged or altered)");
        }
        if (before != null) {
          Checkpoint previous = before.checkpoint();
          if (checkpoint.seq() <= previous.seq()) {
            throw fail(checkpoint, where + " comes after checkpoint " + previous.seq()
                + " (line " + before.line() + "): the log was reordered");
          }
          if (checkpoint.seq() == previous.seq() + 1
              && !checkpoint.previousHash().equals(previous.hash())) {
            throw fail(checkpoint, where + " does not link to checkpoint " + previous.seq()
                + " before it");
          }
        }
        Checkpoint known = bySeq.putIfAbsent(checkpoint.seq(), checkpoint);
        if (known != null && !known.equals(checkpoint)) {
          throw fail(checkpoint, where + " differs from checkpoint " + checkpoint.seq() + " in "
              + origin.get(checkpoint.seq()) + ": two signed histories");
        }
        origin.putIfAbsent(checkpoint.seq(), source.name());
        before = entry;
      }
    }
    List<Checkpoint> merged = new ArrayList<>(bySeq.values());
    Checkpoint previous = null;
    for (Checkpoint checkpoint : merged) {
      if (previous == null) {
        if (fromGenesis && checkpoint.seq() != 1 && !allIn(untrusted, 1, checkpoint.seq())) {
          throw fail(checkpoint, "checkpoints 1.." + (checkpoint.seq() - 1)
              + " are missing from every source");
        }
        if (checkpoint.seq() == 1 && !checkpoint.previousHash().equals(RecordHashes.GENESIS)) {
          throw fail(checkpoint, "checkpoint 1 does not start from the genesis hash");
        }
      } else {
        boolean adjacent = checkpoint.seq() == previous.seq() + 1;
        if (!adjacent && !allIn(untrusted, previous.seq() + 1, checkpoint.seq())) {
          throw fail(checkpoint, "checkpoints " + (previous.seq() + 1) + ".."
              + (checkpoint.seq() - 1) + " are missing from every source");
        }
        // Across checkpoints of keys not given here the link cannot be checked.
        if (adjacent && !checkpoint.previousHash().equals(previous.hash())) {
          throw fail(checkpoint, "checkpoint " + checkpoint.seq() + " ("
              + origin.get(checkpoint.seq()) + ") does not link to checkpoint " + previous.seq());
        }
        if (checkpoint.treeSize() < previous.treeSize()) {
          throw fail(checkpoint, "checkpoint " + checkpoint.seq() + " covers "
              + checkpoint.treeSize() + " records, fewer than checkpoint " + previous.seq()
              + " (" + previous.treeSize() + ")");
        }
      }
      previous = checkpoint;
    }
    return merged;
  }

  /** True when every seq in {@code [from, to)} is in {@code seqs}. */
  private static boolean allIn(java.util.Set<Long> seqs, long from, long to) {
    for (long seq = from; seq < to; seq++) {
      if (!seqs.contains(seq)) {
        return false;
      }
    }
    return true;
  }

  private static VerificationFailure.Found fail(Checkpoint checkpoint, String problem) {
    return new VerificationFailure.Found(new VerificationFailure(null,
        checkpoint == null ? null : checkpoint.seq(), problem));
  }
}
