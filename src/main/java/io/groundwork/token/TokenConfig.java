package io.groundwork.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Personal API token settings ({@code groundwork.tokens.*}). */
@ConfigMapping(prefix = "groundwork.tokens")
public interface TokenConfig {
  /** Days a new token lives when its maker does not say. */
  @WithDefault("90")
  int defaultExpiresInDays();

  /**
   * Longest life a token may be given, in days: a leaked token stops working by then at the
   * latest, even if nobody revokes it.
   */
  @WithDefault("365")
  int maxExpiresInDays();

  /** Tokens (not revoked, not expired) one person may hold at once. */
  @WithDefault("20")
  int maxPerUser();
}
