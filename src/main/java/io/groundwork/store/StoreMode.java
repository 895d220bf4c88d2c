package io.groundwork.store;

import java.util.Locale;

/** Where the system of record lives ({@code groundwork.store}, environment {@code GROUNDWORK_STORE}). */
public enum StoreMode {
  /** H2 and Lucene in the data directory: one machine, no server to run. */
  EMBEDDED,
  /** PostgreSQL with pgvector; each replica keeps a local Lucene index for BM25, fed from it. */
  POSTGRES;

  /** The persistence unit and datasource name of this mode. */
  public String unitName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code embedded} or {@code postgres} (case-insensitive), with a clear error otherwise. */
  public static StoreMode parse(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "embedded" -> EMBEDDED;
      case "postgres", "postgresql" -> POSTGRES;
      default -> throw new IllegalArgumentException(
          "groundwork.store must be 'embedded' or 'postgres', got '" + value + "'");
    };
  }
}
