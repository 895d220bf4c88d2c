package io.groundwork.postgres;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the PostgreSQL store mode ({@code groundwork.postgres.*}). */
@ConfigMapping(prefix = "groundwork.postgres")
public interface PostgresConfig {
  /**
   * HNSW candidate list size per search ({@code hnsw.ef_search}); higher: better recall,
   * slower.
   */
  @WithDefault("100")
  int efSearch();

  /**
   * Most tuples an iterative HNSW scan visits ({@code hnsw.max_scan_tuples}) before giving up on
   * filling top-k under a selective filter.
   */
  @WithDefault("20000")
  int maxScanTuples();

  /** How often a replica polls the change feed when no notification woke it up. */
  @WithDefault("5s")
  Duration pollInterval();

  /** Change-feed entries applied per Lucene commit. */
  @WithDefault("500")
  int feedBatch();
}
