package io.groundwork.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Retention of audit record content ({@code groundwork.retention.*}). After the period the
 * content of answer records (question, answer, retrieved chunks, citations, verification) is
 * pruned; who asked, when, the chain and the content's digest stay, so the trail keeps
 * verifying. Records under a legal hold keep their content. See docs/audit.md.
 */
@ConfigMapping(prefix = "groundwork.retention")
public interface RetentionConfig {
  /**
   * How long answer records keep their content. The default, 400 days, keeps more than the six
   * months the EU AI Act (Art. 19 and 26) asks of logs of high-risk systems, covers a yearly
   * audit cycle with a quarter to spare, and matches the witness storage's Object Lock retention
   * in docs/audit.md; longer keeps personal data beyond what most reviews need (GDPR storage
   * limitation). At least 1s (short periods are for trying it out).
   */
  @WithDefault("400d")
  Duration period();

  /** Prune on the application's own schedule ({@code run-every}); false leaves it to the CLI. */
  @WithDefault("true")
  boolean scheduled();

  /** How often the scheduled pruning runs (at least 1 minute). */
  @WithDefault("24h")
  Duration runEvery();

  /** Delay of the first scheduled pruning after start, so that start-up is not slowed. */
  @WithDefault("10m")
  Duration firstRunAfter();
}
