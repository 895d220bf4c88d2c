package io.groundwork.store;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the datasource settings from {@code groundwork.store} at start-up, so that one build
 * runs on either store without a rebuild:
 *
 * <ul>
 *   <li>{@code embedded} (default): activates datasource and persistence unit {@code embedded}, an
 *       H2 file database under the data directory. H2 refuses a file path relative to the working
 *       directory, and {@code groundwork.data-dir} may be relative, so the URL is made from its
 *       absolute form here.
 *   <li>{@code postgres}: activates datasource and persistence unit {@code postgres}, connected
 *       to {@code groundwork.db.url} as {@code groundwork.db.user} / {@code groundwork.db.password}.
 * </ul>
 *
 * <p>Explicit {@code quarkus.datasource."…".*} settings (for example from the environment) win:
 * this source has a low ordinal.
 */
public class StoreDatasources implements ConfigSourceFactory {
  /** Below application.properties (250) and the environment (300). */
  private static final int ORDINAL = 150;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    StoreMode mode = StoreMode.parse(value(context, "groundwork.store", "embedded"));
    String dir = value(context, "groundwork.data-dir", "data");
    String h2 = Path.of(dir).toAbsolutePath().normalize().resolve("db").resolve("groundwork")
        .toString();
    boolean postgres = mode == StoreMode.POSTGRES;
    Map<String, String> properties = new HashMap<>();
    properties.put("quarkus.datasource.\"embedded\".jdbc.url", "jdbc:h2:file:" + h2 + ";AUTO_SERVER=TRUE");
    properties.put("quarkus.datasource.\"embedded\".active", String.valueOf(!postgres));
    properties.put("quarkus.hibernate-orm.\"embedded\".active", String.valueOf(!postgres));
    properties.put("quarkus.datasource.\"postgres\".active", String.valueOf(postgres));
    properties.put("quarkus.hibernate-orm.\"postgres\".active", String.valueOf(postgres));
    if (postgres) {
      String url = value(context, "groundwork.db.url", null);
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("groundwork.store=postgres needs groundwork.db.url"
            + " (GROUNDWORK_DB_URL), e.g. jdbc:postgresql://db:5432/groundwork");
      }
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("groundwork.db.url must be a PostgreSQL JDBC URL"
            + " (jdbc:postgresql://host:port/database), got " + url);
      }
      properties.put("quarkus.datasource.\"postgres\".jdbc.url", url);
      properties.put("quarkus.datasource.\"postgres\".username",
          value(context, "groundwork.db.user", "groundwork"));
      properties.put("quarkus.datasource.\"postgres\".password",
          value(context, "groundwork.db.password", ""));
    }
    return List.of(new PropertiesConfigSource(properties, "groundwork-store-datasources", ORDINAL));
  }

  private static String value(ConfigSourceContext context, String name, String fallback) {
    ConfigValue value = context.getValue(name);
    return value == null || value.getValue() == null ? fallback : value.getValue();
  }
}
