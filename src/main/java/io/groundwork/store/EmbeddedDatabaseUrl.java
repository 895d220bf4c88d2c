package io.groundwork.store;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the embedded database's JDBC URL from the data directory. H2 refuses a file path
 * relative to the working directory, and {@code groundwork.data-dir} may be relative, so the URL
 * is made from its absolute form here. An explicit {@code quarkus.datasource.jdbc.url} (for
 * example from the environment) wins: this source has a low ordinal.
 */
public class EmbeddedDatabaseUrl implements ConfigSourceFactory {
  /** Below application.properties (250) and the environment (300). */
  private static final int ORDINAL = 150;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue dataDir = context.getValue("groundwork.data-dir");
    String dir = dataDir == null || dataDir.getValue() == null ? "data" : dataDir.getValue();
    String path = Path.of(dir).toAbsolutePath().normalize().resolve("db").resolve("groundwork")
        .toString();
    return List.of(new PropertiesConfigSource(
        Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE"),
        "groundwork-embedded-database", ORDINAL));
  }
}
