package io.groundwork.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose export it is: an auditor's export carries the content of an answer record only when the
 * auditor's access groups may read every document it retrieved or cited ({@link NeedToKnow}, the
 * rule of the workspace pages); a full export (the operator's, from the command line) carries
 * everything. A reveal on the pages never carries into an export. Looks documents up once per
 * export on the export's own connection. Not thread-safe: one instance per export.
 */
public final class ExportAccess {
  private final Set<String> groups;
  private final Map<String, Optional<Set<String>>> documentGroups = new HashMap<>();

  private ExportAccess(Set<String> groups) {
    this.groups = groups;
  }

  /** Everything in the range, content included (no need-to-know filter). */
  public static ExportAccess full() {
    return new ExportAccess(null);
  }

  /** Content only of records whose documents {@code groups} may all read. */
  public static ExportAccess forGroups(Set<String> groups) {
    return new ExportAccess(Set.copyOf(Objects.requireNonNull(groups, "groups")));
  }

  /** True when nothing is withheld from this export. */
  public boolean isFull() {
    return groups == null;
  }

  /** The documents of {@code record} this export may not carry the content of; empty = all. */
  public List<NeedToKnow.Withheld> withheld(Connection connection, StoredRecord record)
      throws SQLException {
    if (groups == null || !AuditTrail.ANSWER.equals(record.action())) {
      return List.of();
    }
    SQLException[] failure = new SQLException[1];
    List<NeedToKnow.Withheld> withheld = NeedToKnow.withheld(record.action(), record.retrieved(),
        record.citations(), groups, id -> documentGroups.computeIfAbsent(id, key -> {
          try {
            return lookUp(connection, key);
          } catch (SQLException e) {
            failure[0] = e;
            return Optional.empty();
          }
        }).orElse(null));
    if (failure[0] != null) {
      throw failure[0];
    }
    return withheld;
  }

  private static Optional<Set<String>> lookUp(Connection connection, String documentId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT access_groups FROM documents WHERE id = ?")) {
      select.setString(1, documentId);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        String stored = rows.getString(1);
        return Optional.of(stored == null || stored.isEmpty() ? Set.of()
            : new TreeSet<>(Arrays.asList(stored.split(","))));
      }
    }
  }
}
