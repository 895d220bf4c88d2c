package io.groundwork.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a token keeps a list of values: a claim name ({@code groups}) or a dotted path into
 * nested claims ({@code realm_access.roles}). A claim whose own name contains dots (such as
 * {@code https://example.com/groups}) is found by that name first. Values may be a JSON array, a
 * collection or a single string; anything else yields nothing. Immutable and thread-safe.
 */
public final class ClaimPath {
  private final String path;
  private final List<String> segments;

  /**
   * @throws IllegalArgumentException for a blank path or one with an empty segment
   */
  public ClaimPath(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("claim path must not be blank");
    }
    List<String> parts = List.of(path.split("\\.", -1));
    if (parts.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("claim path '" + path + "' has an empty segment");
    }
    this.path = path;
    this.segments = parts;
  }

  /**
   * The string values at this path.
   *
   * @param claims a token's top-level claims by name (null when absent)
   */
  public List<String> values(Function<String, Object> claims) {
    Object value = claims.apply(path);
    if (value == null && segments.size() > 1) {
      value = claims.apply(segments.getFirst());
      for (String segment : segments.subList(1, segments.size())) {
        value = child(value, segment);
      }
    }
    return strings(value);
  }

  private static Object child(Object value, String name) {
    if (value instanceof JsonObject object) {
      return object.get(name);
    }
    if (value instanceof Map<?, ?> map) {
      return map.get(name);
    }
    return null;
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(item -> add(item, out));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(item -> add(item, out));
    } else {
      add(value, out);
    }
    return List.copyOf(out);
  }

  private static void add(Object item, List<String> out) {
    if (item instanceof JsonString string) {
      out.add(string.getString());
    } else if (item instanceof String string) {
      out.add(string);
    } else if (item instanceof JsonNumber number) {
      out.add(number.toString());
    } else if (item instanceof JsonValue || item == null) {
      return; // objects, booleans, null: not a group or role name
    } else if (item instanceof Number) {
      out.add(item.toString());
    }
  }

  @Override
  public String toString() {
    return path;
  }
}
