package io.groundwork.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the trail itself says about retention: which records each pruning record
 * ({@value #PRUNE}) emptied and before which time, and the legal holds set
 * ({@value #HOLD_SET}) and lifted ({@value #HOLD_LIFTED}). The verifiers accept a record without
 * content exactly where a later pruning record names it, its time lies before that pruning's
 * cut-off, and no legal hold in force at the pruning covered it; any other missing content is an
 * erasure. Built from the retention records before the walk; the walk still checks each of them
 * against its digest and the chain, so a forged one fails there. Immutable and thread-safe.
 */
public final class RetentionLedger {
  /** The action of a pruning record. */
  public static final String PRUNE = "audit.retention-prune";
  /** The action of a record setting a legal hold; the hold's id is this record's id. */
  public static final String HOLD_SET = "audit.hold-set";
  /** The action of a record lifting a legal hold. */
  public static final String HOLD_LIFTED = "audit.hold-lifted";
  /** Every action the ledger reads. */
  public static final Set<String> ACTIONS = Set.of(PRUNE, HOLD_SET, HOLD_LIFTED);

  static final ObjectMapper JSON = new ObjectMapper();
  private static final RetentionLedger EMPTY = new RetentionLedger(List.of(), List.of());

  private final List<Pruning> prunings;
  private final List<LegalHold> holds;

  private RetentionLedger(List<Pruning> prunings, List<LegalHold> holds) {
    this.prunings = List.copyOf(prunings);
    this.holds = List.copyOf(holds);
  }

  /** A ledger with no retention records: any missing content is an erasure. */
  public static RetentionLedger empty() {
    return EMPTY;
  }

  /** One pruning: the id ranges it emptied and its cut-off. */
  record Pruning(long recordId, Instant before, List<long[]> ranges) {
    boolean names(long id) {
      return ranges.stream().anyMatch(r -> r[0] <= id && id <= r[1]);
    }
  }

  /**
   * Reads the ledger from retention records (any order; records of other actions and records
   * without details are ignored, and fail the walk on their own if they were tampered with).
   */
  public static RetentionLedger of(List<StoredRecord> records) {
    List<StoredRecord> sorted = records.stream()
        .filter(r -> ACTIONS.contains(r.action()) && r.details() != null)
        .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    List<Pruning> prunings = new ArrayList<>();
    List<LegalHold> holds = new ArrayList<>();
    for (StoredRecord record : sorted) {
      JsonNode details;
      try {
        details = JSON.readTree(record.details());
      } catch (IOException e) {
        continue;
      }
      switch (record.action()) {
        case PRUNE -> prunings.add(new Pruning(record.id(),
            Instant.parse(details.path("before").asText("1970-01-01T00:00:00Z")),
            ranges(details.path("pruned"))));
        case HOLD_SET -> holds.add(LegalHold.fromDetails(record.id(), record.createdAt(),
            record.username(), details));
        default -> {
          long held = details.path("hold").asLong(-1);
          for (int i = 0; i < holds.size(); i++) {
            if (holds.get(i).id() == held && holds.get(i).liftedBy() == null) {
              holds.set(i, holds.get(i).lifted(record.id(), record.createdAt(),
                  record.username(), details.path("reason").asText(null)));
            }
          }
        }
      }
    }
    return new RetentionLedger(prunings, holds);
  }

  /** Every legal hold the records set, with its lifting when lifted; by id. */
  public List<LegalHold> holds() {
    return holds;
  }

  /**
   * Why {@code record}, found without content, was not pruned by retention; null when a pruning
   * record accounts for it.
   */
  String unaccountedErasure(StoredRecord record) {
    Pruning pruning = prunings.stream()
        .filter(p -> p.recordId() > record.id() && p.names(record.id()))
        .findFirst().orElse(null);
    if (pruning == null) {
      return "has no content: it was erased (no retention pruning record names it)";
    }
    if (!record.createdAt().isBefore(pruning.before())) {
      return "has no content: pruning record " + pruning.recordId() + " names it, but it was"
          + " created at " + record.createdAt() + ", not before that pruning's cut-off "
          + pruning.before();
    }
    for (LegalHold hold : holds) {
      if (hold.inForceAt(pruning.recordId()) && hold.covers(record)) {
        return "has no content: pruning record " + pruning.recordId() + " emptied it while"
            + " legal hold " + hold.id() + " covered it";
      }
    }
    return null;
  }

  /** The id ranges in a JSON array of {@code [from, to]} pairs. */
  static List<long[]> ranges(JsonNode array) {
    List<long[]> ranges = new ArrayList<>();
    for (JsonNode pair : array) {
      ranges.add(new long[] {pair.path(0).asLong(), pair.path(1).asLong()});
    }
    return ranges;
  }

  /** {@code ids} (ascending) as {@code [from, to]} runs. */
  public static List<long[]> toRanges(List<Long> ids) {
    List<long[]> ranges = new ArrayList<>();
    for (long id : ids) {
      if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == id - 1) {
        ranges.get(ranges.size() - 1)[1] = id;
      } else {
        ranges.add(new long[] {id, id});
      }
    }
    return ranges;
  }
}
