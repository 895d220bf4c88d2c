package io.groundwork.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.groundwork.store.DocumentEntity;
import io.groundwork.store.DocumentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Need to know: an auditor reads an answer record's content (question, answer, quotes, verified
 * sentences) only when they may read every document it retrieved or cited, by the same access
 * groups that filter their own searches. A document that no longer exists counts as withheld (its
 * groups are unknown). Administrative records carry no document content and are never
 * withheld. Runs in the caller's transaction; thread-safe.
 */
@ApplicationScoped
public class NeedToKnow {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DocumentRepository documents;

  public NeedToKnow(DocumentRepository documents) {
    this.documents = documents;
  }

  /**
   * A document withheld from the auditor: named, never quoted.
   *
   * @param documentId the document's id
   * @param path its path as the record named it
   * @param reason why: the groups that may read it, or that it no longer exists
   */
  public record Withheld(String documentId, String path, String reason) {}

  /** The documents of {@code record} that {@code groups} may not read; empty = full view. */
  public List<Withheld> withheld(AuditRecordEntity record, Set<String> groups) {
    return withheld(record.action, record.retrieved, record.citations, groups, id -> {
      DocumentEntity document = documents.find(id);
      return document == null ? null : document.groups();
    });
  }

  /**
   * The rule itself, for any reader of records (the pages through JPA, the export through JDBC).
   *
   * @param action the record's action: only {@code answer} records can be withheld
   * @param retrieved the record's retrieved chunks (JSON), or null
   * @param citations the record's citations (JSON), or null
   * @param groups the reader's access groups
   * @param groupsOfDocument a document's access groups, null when it is no longer indexed
   * @return the documents {@code groups} may not read, in the order the record names them
   */
  public static List<Withheld> withheld(String action, String retrieved, String citations,
      Set<String> groups, Function<String, Set<String>> groupsOfDocument) {
    if (!AuditTrail.ANSWER.equals(action)) {
      return List.of();
    }
    Map<String, String> referenced = new LinkedHashMap<>();
    collect(retrieved, referenced);
    collect(citations, referenced);
    return referenced.entrySet().stream().map(e -> {
      Set<String> readers = groupsOfDocument.apply(e.getKey());
      if (readers == null) {
        return new Withheld(e.getKey(), e.getValue(), "no longer in the index: its groups are"
            + " unknown");
      }
      return readers.stream().anyMatch(groups::contains) ? null
          : new Withheld(e.getKey(), e.getValue(), "readable by " + String.join(", ", readers));
    }).filter(w -> w != null).toList();
  }

  /** Citations without their quotes (document, title, path, span stay). */
  public static JsonNode withoutQuotes(JsonNode citations) {
    if (citations instanceof ArrayNode array) {
      ArrayNode copy = array.deepCopy();
      copy.forEach(c -> {
        if (c instanceof ObjectNode o) {
          o.putNull("quote");
        }
      });
      return copy;
    }
    return citations;
  }

  /** A verification without its sentences' text and evidence (verdicts and scores stay). */
  public static JsonNode withoutSentences(JsonNode verification) {
    if (verification instanceof ObjectNode object) {
      ObjectNode copy = object.deepCopy();
      copy.path("sentences").forEach(s -> {
        if (s instanceof ObjectNode o) {
          o.putNull("text");
          o.putNull("evidence");
        }
      });
      return copy;
    }
    return verification;
  }

  private static void collect(String json, Map<String, String> into) {
    if (json == null) {
      return;
    }
    try {
      for (JsonNode ref : JSON.readTree(json)) {
        String id = ref.path("documentId").asText(null);
        if (id != null) {
          into.putIfAbsent(id, ref.path("path").asText(id));
        }
      }
    } catch (IOException e) {
      into.putIfAbsent("(unreadable record)", "(unreadable record)");
    }
  }
}
