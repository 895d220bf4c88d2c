package io.groundwork.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the OIDC extension's switch from {@code groundwork.security.mode} at start-up, so that
 * one build runs either way: in {@code builtin} mode the OIDC tenant is disabled
 * ({@code quarkus.oidc.tenant-enabled=false}: no provider is contacted or needed, and the
 * extension authenticates nobody); in {@code oidc} mode it is enabled (and the extension refuses
 * to start without {@code quarkus.oidc.auth-server-url}). An explicit
 * {@code quarkus.oidc.tenant-enabled} wins: this source has a low ordinal.
 */
public class SecurityModeSettings implements ConfigSourceFactory {
  /** Below application.properties (250) and the environment (300). */
  private static final int ORDINAL = 150;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    boolean oidc = parse(value(context, "groundwork.security.mode")) == SecurityMode.OIDC;
    return List.of(new PropertiesConfigSource(
        Map.of("quarkus.oidc.tenant-enabled", String.valueOf(oidc)),
        "groundwork-security-mode", ORDINAL));
  }

  /** The mode a setting names; unset is {@link SecurityMode#BUILTIN}, the mapping's default. */
  static SecurityMode parse(String value) {
    if (value == null || value.isBlank()) {
      return SecurityMode.BUILTIN;
    }
    try {
      return SecurityMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("groundwork.security.mode must be builtin or oidc, got '"
          + value + "'", e);
    }
  }

  private static String value(ConfigSourceContext context, String name) {
    ConfigValue value = context.getValue(name);
    return value == null ? null : value.getValue();
  }
}
