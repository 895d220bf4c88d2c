package io.groundwork.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters of the audit list, turned into one JPQL query (so they run in the database, in
 * both store modes). Built from query parameters; an unknown parameter, a repeated one or a bad
 * value is an {@link IllegalArgumentException} naming it. Immutable after construction.
 */
public final class AuditQuery {
  /** Every filter the list knows, in the order the error message names them. */
  public static final List<String> FILTERS = List.of("user", "group", "from", "to", "action",
      "refused", "verification", "answerer", "fallback", "document", "cited", "q", "limit",
      "offset");

  private final StringBuilder where = new StringBuilder(" where 1 = 1");
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final int limit;
  private final int offset;

  /**
   * @param query the request's query parameters
   * @param viewerGroups the auditor's access groups: free text only searches records whose
   *     documents the auditor may read, so that a search cannot probe redacted content
   */
  public AuditQuery(Map<String, List<String>> query, Set<String> viewerGroups) {
    for (String name : query.keySet()) {
      if (!FILTERS.contains(name)) {
        throw new IllegalArgumentException("unknown filter '" + name + "'; known filters: "
            + String.join(", ", FILTERS));
      }
      if (query.get(name).size() > 1) {
        throw new IllegalArgumentException("filter '" + name + "' is given "
            + query.get(name).size() + " times; give it once");
      }
    }
    Map<String, String> q = new LinkedHashMap<>();
    query.forEach((k, v) -> {
      if (!v.isEmpty() && v.get(0) != null && !v.get(0).isBlank()) {
        q.put(k, v.get(0).strip());
      }
    });
    limit = integer("limit", q.get("limit"), 50, 1, 500);
    offset = integer("offset", q.get("offset"), 0, 0, Integer.MAX_VALUE);
    equal(q, "user", "r.username");
    equal(q, "answerer", "r.answerer");
    if (q.containsKey("group")) {
      add("locate(:group, concat(',', r.userGroups, ',')) > 0", "group",
          "," + q.get("group") + ",");
    }
    if (q.containsKey("from")) {
      add("r.createdAt >= :from", "from", time("from", q.get("from")));
    }
    if (q.containsKey("to")) {
      add("r.createdAt < :to", "to", time("to", q.get("to")));
    }
    if (q.containsKey("action")) {
      if (q.get("action").equals("admin")) {
        add("r.action <> :action", "action", AuditTrail.ANSWER);
      } else {
        add("r.action = :action", "action", q.get("action"));
      }
    }
    if (q.containsKey("refused")) {
      add("r.refused = :refused and r.action = :answerAction", "refused",
          bool("refused", q.get("refused")));
      params.put("answerAction", AuditTrail.ANSWER);
    }
    if (q.containsKey("fallback")) {
      where.append(bool("fallback", q.get("fallback"))
          ? " and r.fallbackReason is not null" : " and r.fallbackReason is null"
          + " and r.action = 'answer'");
    }
    if (q.containsKey("verification")) {
      String field = switch (q.get("verification")) {
        case "flagged" -> "flaggedSentences";
        case "removed" -> "removedSentences";
        default -> throw new IllegalArgumentException("verification must be flagged or removed,"
            + " got '" + q.get("verification") + "'");
      };
      add("locate(:verifiedSome, cast(r.verification as String)) > 0"
          + " and locate(:verifiedNone, cast(r.verification as String)) = 0", "verifiedSome",
          "\"" + field + "\":");
      params.put("verifiedNone", "\"" + field + "\":0,");
    }
    if (q.containsKey("document")) {
      add("(locate(:document, cast(r.retrieved as String)) > 0 or locate(:document, cast(r.citations as String)) > 0)",
          "document", Retention.documentNeedle(q.get("document")));
    }
    if (q.containsKey("cited")) {
      add("locate(:cited, cast(r.citations as String)) > 0", "cited", Retention.documentNeedle(q.get("cited")));
    }
    if (q.containsKey("q")) {
      add("(locate(:text, lower(cast(r.question as String))) > 0 or locate(:text, lower(cast(r.answer as String))) > 0)", "text",
          q.get("q").toLowerCase(java.util.Locale.ROOT));
      List<String> readable = new ArrayList<>();
      int i = 0;
      for (String group : viewerGroups) {
        readable.add("locate(:viewer" + i + ", concat(',', d.accessGroups, ',')) > 0");
        params.put("viewer" + i, "," + group + ",");
        i++;
      }
      where.append(" and not exists (select d.id from DocumentEntity d where"
          + " locate(concat('\"documentId\":\"', d.id, '\"'), cast(r.retrieved as String)) > 0"
          + (readable.isEmpty() ? "" : " and not (" + String.join(" or ", readable) + ")")
          + ")");
    }
  }

  /** The JPQL of the matching records, newest first. */
  public String jpql() {
    return "from AuditRecordEntity r" + where + " order by r.id desc";
  }

  /** The JPQL counting the matching records. */
  public String countJpql() {
    return "select count(r) from AuditRecordEntity r" + where;
  }

  /** The query's parameters by name. */
  public Map<String, Object> parameters() {
    return params;
  }

  public int limit() {
    return limit;
  }

  public int offset() {
    return offset;
  }

  private void equal(Map<String, String> q, String name, String column) {
    if (q.containsKey(name)) {
      add(column + " = :" + name, name, q.get(name));
    }
  }

  private void add(String condition, String name, Object value) {
    where.append(" and ").append(condition);
    params.put(name, value);
  }

  private static boolean bool(String name, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, got '"
          + shorten(value) + "'");
    };
  }

  /** An ISO-8601 time with offset. */
  public static OffsetDateTime time(String name, String value) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + name + "' must be an ISO-8601 time with offset, e.g. 2026-01-31T09:00:00Z");
    }
  }

  private static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + shorten(value)
          + "'");
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(max == Integer.MAX_VALUE
          ? name + " must be at least " + min + ", got " + parsed
          : name + " must be between " + min + " and " + max + ", got " + parsed);
    }
    return parsed;
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
