package io.groundwork.web;

/** Query parameters parsed in code, so that a bad value is a 400 naming it (never a 404). */
final class QueryParams {
  private QueryParams() {}

  /**
   * The integer value of parameter {@code name}, or {@code fallback} when absent.
   *
   * @throws IllegalArgumentException when not an integer in [min, max]
   */
  static Integer integer(String name, String value, Integer fallback, int min, int max) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be an integer, got '" + shorten(value) + "'");
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
