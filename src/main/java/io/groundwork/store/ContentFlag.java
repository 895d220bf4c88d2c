package io.groundwork.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A sentence of a document that tries to steer its reader, as stored with the document.
 *
 * @param kind {@code credential-request} or {@code assistant-address}
 * @param start offset of the sentence in the document text
 * @param end end offset of the sentence in the document text
 * @param excerpt the sentence, at most {@link #MAX_EXCERPT} characters
 */
public record ContentFlag(String kind, int start, int end, String excerpt) {
  /** The longest excerpt kept. */
  public static final int MAX_EXCERPT = 300;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<ContentFlag>> LIST = new TypeReference<>() {};

  public ContentFlag {
    excerpt = excerpt.length() > MAX_EXCERPT ? excerpt.substring(0, MAX_EXCERPT - 1) + "\u2026"
        : excerpt;
  }

  static String toJson(List<ContentFlag> flags) {
    try {
      return JSON.writeValueAsString(flags);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write content flags", e);
    }
  }

  static List<ContentFlag> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(json, LIST));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored content flags are not valid JSON", e);
    }
  }
}
