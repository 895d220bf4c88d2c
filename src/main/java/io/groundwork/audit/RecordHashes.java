package io.groundwork.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.groundwork.core.Hashes;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash schemes of audit records. Each record stores its scheme, so records written before a
 * scheme change keep verifying with the formula they were written with.
 *
 * <ul>
 *   <li>Scheme 1: {@code SHA-256(previousHash + "\n" + canonicalJson(all columns))}.
 *   <li>Scheme 2: {@code contentDigest = SHA-256(canonicalJson(content columns))} and
 *       {@code SHA-256(previousHash + "\n" + canonicalJson(metadata + contentDigest))}. The chain
 *       covers only the digest of the content, so content may later be pruned for retention
 *       while every hash stays verifiable.
 * </ul>
 *
 * <p>Canonical JSON: keys sorted, null values left out. Stateless and thread-safe.
 */
public final class RecordHashes {
  /** The previous hash of record 1. */
  public static final String GENESIS = "0".repeat(64);
  /** The scheme new records are written with. */
  public static final int CURRENT_VERSION = 2;

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private RecordHashes() {}

  /** The hash {@code record} should have under its own scheme, from its stored columns. */
  public static String recordHash(StoredRecord record) {
    return switch (record.hashVersion()) {
      case 1 -> v1(record);
      case 2 -> v2(record);
      default -> throw new IllegalArgumentException("unknown hash version " + record.hashVersion());
    };
  }

  /** The scheme-2 digest of {@code record}'s content columns. */
  public static String contentDigest(StoredRecord record) {
    Map<String, Object> content = new TreeMap<>();
    put(content, "question", record.question());
    put(content, "request", record.request());
    put(content, "retrieved", record.retrieved());
    put(content, "answer", record.answer());
    content.put("refused", record.refused());
    put(content, "citations", record.citations());
    put(content, "answerer", record.answerer());
    put(content, "promptVersion", record.promptVersion());
    put(content, "latencies", record.latencies());
    put(content, "verification", record.verification());
    put(content, "fallbackReason", record.fallbackReason());
    put(content, "details", record.details());
    return Hashes.sha256(json(content));
  }

  private static String v2(StoredRecord record) {
    if (record.contentDigest() == null) {
      throw new IllegalArgumentException("record " + record.id() + " has no content digest");
    }
    Map<String, Object> metadata = new TreeMap<>();
    metadata.put("version", 2);
    metadata.put("id", record.id());
    metadata.put("createdAt", record.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
    metadata.put("action", record.action());
    metadata.put("username", record.username());
    metadata.put("userGroups", record.userGroups());
    metadata.put("contentDigest", record.contentDigest());
    return Hashes.sha256(record.previousHash() + "\n" + json(metadata));
  }

  /** The formula of records written before scheme 2; unchanged so that they still verify. */
  private static String v1(StoredRecord record) {
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("id", record.id());
    canonical.put("createdAt", record.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
    canonical.put("username", record.username());
    canonical.put("userGroups", record.userGroups());
    canonical.put("question", record.question());
    canonical.put("request", record.request());
    canonical.put("retrieved", record.retrieved());
    canonical.put("answer", record.answer());
    canonical.put("refused", record.refused());
    canonical.put("citations", record.citations());
    canonical.put("answerer", record.answerer());
    canonical.put("promptVersion", record.promptVersion());
    canonical.put("latencies", record.latencies());
    if (record.verification() != null) {
      canonical.put("verification", record.verification());
    }
    if (record.fallbackReason() != null) {
      canonical.put("fallbackReason", record.fallbackReason());
    }
    return Hashes.sha256(record.previousHash() + "\n" + json(canonical));
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise audit data", e);
    }
  }
}
