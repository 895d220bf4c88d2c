package io.groundwork.postgres;

/** The text form of pgvector values ({@code [0.1,0.2,...]}), cast with {@code CAST(? AS vector)}. */
final class PgVectors {
  private PgVectors() {}

  static String literal(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 12).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      if (!Float.isFinite(vector[i])) {
        throw new IllegalArgumentException("vector component " + i + " is " + vector[i]);
      }
      text.append(vector[i]);
    }
    return text.append(']').toString();
  }
}
