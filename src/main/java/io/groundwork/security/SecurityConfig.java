package io.groundwork.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Identity settings ({@code groundwork.security.*}). */
@ConfigMapping(prefix = "groundwork.security")
public interface SecurityConfig {
  /**
   * YAML file with the built-in users. When unset, the demo users shipped in the application
   * ({@code users.yaml} on the class path) are used; replace them before going live.
   */
  Optional<String> usersFile();
}
