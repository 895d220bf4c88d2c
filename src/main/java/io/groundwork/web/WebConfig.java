package io.groundwork.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the HTTP perimeter ({@code groundwork.web.*}). */
@ConfigMapping(prefix = "groundwork.web")
public interface WebConfig {
  /**
   * The longest request URI (path and query string) accepted; a longer one is a 414 with a JSON
   * error. The HTTP decoder's own limit ({@code quarkus.http.limits.max-initial-line-length},
   * set to 65536) must be larger, or it answers 414 without a body first.
   */
  @WithDefault("4096")
  int maxUriLength();
}
