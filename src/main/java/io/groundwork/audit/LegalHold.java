package io.groundwork.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A legal hold as the trail records it: records it covers keep their content whatever their
 * age. Every criterion given must match (a hold on user bob from March to May covers only bob's
 * records of those months). A document hold covers the records that retrieved or cited the
 * document: those existing when it was set are listed in {@code records}, so that the verifiers
 * can check them without the (pruned) content; the pruner also checks content for records
 * made later. Immutable.
 *
 * @param id the id of the {@code audit.hold-set} record
 * @param setAt when it was set
 * @param setBy who set it
 * @param user held user, or null
 * @param group held access group (of the asker), or null
 * @param document held document id, or null
 * @param from start of the held time range (inclusive), or null
 * @param to end of the held time range (exclusive), or null
 * @param reason why (case, matter)
 * @param records for a document hold, the records referencing it when the hold was set
 * @param liftedBy the id of the {@code audit.hold-lifted} record, or null while in force
 * @param liftedAt when it was lifted, or null
 * @param liftedByUser who lifted it, or null
 * @param liftReason why it was lifted, or null
 */
public record LegalHold(
    long id, Instant setAt, String setBy, String user, String group, String document,
    Instant from, Instant to, String reason, @JsonIgnore List<long[]> records, Long liftedBy,
    Instant liftedAt, String liftedByUser, String liftReason) {

  static LegalHold fromDetails(long id, Instant setAt, String setBy, JsonNode details) {
    return new LegalHold(id, setAt, setBy, text(details, "user"), text(details, "group"),
        text(details, "document"), time(details, "from"), time(details, "to"),
        text(details, "reason"), RetentionLedger.ranges(details.path("records")), null, null,
        null, null);
  }

  LegalHold lifted(long recordId, Instant at, String by, String why) {
    return new LegalHold(id, setAt, setBy, user, group, document, from, to, reason, records,
        recordId, at, by, why);
  }

  /** True while not lifted. */
  @JsonProperty
  public boolean active() {
    return liftedBy == null;
  }

  /** Number of records of a document hold listed when it was set. */
  @JsonProperty
  public long heldRecordsListed() {
    return records.stream().mapToLong(r -> r[1] - r[0] + 1).sum();
  }

  /** True when in force just before the record {@code recordId} was appended. */
  boolean inForceAt(long recordId) {
    return id < recordId && (liftedBy == null || liftedBy > recordId);
  }

  /** True when {@code record}'s metadata (and, for a document hold, its listing) match. */
  boolean covers(StoredRecord record) {
    if (user != null && !user.equals(record.username())) {
      return false;
    }
    if (group != null && Arrays.stream(record.userGroups().split(",")).noneMatch(group::equals)) {
      return false;
    }
    if (from != null && record.createdAt().isBefore(from)) {
      return false;
    }
    if (to != null && !record.createdAt().isBefore(to)) {
      return false;
    }
    return document == null
        || records.stream().anyMatch(r -> r[0] <= record.id() && record.id() <= r[1]);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static Instant time(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : Instant.parse(value);
  }
}
