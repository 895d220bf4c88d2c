package io.groundwork.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Index settings ({@code groundwork.index.*}). */
@ConfigMapping(prefix = "groundwork.index")
public interface IndexConfig {
  /** Weight of BM25 matches in a chunk's title and headings, relative to its text. */
  @WithDefault("0.5")
  float contextBoost();

  /**
   * Analyzer of the BM25 fields: {@code english} (stop words, Porter stemming),
   * {@code english-keep-stopwords} or {@code standard}. Changing it requires re-indexing.
   */
  @WithDefault("english")
  String analyzer();
}
