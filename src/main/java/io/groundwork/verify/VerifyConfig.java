package io.groundwork.verify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Answer verification settings ({@code groundwork.verify.*}). */
@ConfigMapping(prefix = "groundwork.verify")
public interface VerifyConfig {
  /** What happens to a sentence whose support is below {@code min-support}. */
  enum Mode {
    /** It is removed from the answer (default). */
    REMOVE,
    /** It stays, marked {@code [unverified]}. */
    FLAG
  }

  /**
   * What happens to a sentence whose support is below {@code min-support}: {@code remove}
   * (default) drops it from the answer, {@code flag} keeps it marked {@code [unverified]}.
   */
  @WithDefault("remove")
  Mode mode();

  /**
   * Least support score (0..1) of a sentence by its cited passages. The default is calibrated on
   * SciFact training claims with {@code bench-verify} (docs/llm.md).
   */
  @WithDefault("0.5")
  double minSupport();

  /** Weight of lexical overlap in the support score; the rest is embedding similarity. */
  @WithDefault("0.5")
  double lexicalWeight();
}
