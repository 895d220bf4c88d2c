package io.groundwork.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.groundwork.docs.ConfigReference.LooseProperty;
import io.groundwork.docs.ConfigReference.Mapping;
import io.groundwork.docs.ConfigReference.Setting;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference in {@code docs/configuration.md} is generated from the
 * {@code @ConfigMapping} interfaces, which hold every default ({@code @WithDefault}) and describe
 * every setting in their javadoc. This test renders the reference and fails when the generated
 * section differs; {@code -Dgroundwork.docs.write=true} rewrites it:
 *
 * <pre>./mvnw -B -ntp test -Dtest=ConfigurationReferenceTest -Dgroundwork.docs.write=true</pre>
 *
 * <p>It also keeps defaults in one place: {@code application.properties} must not set a
 * {@code groundwork.*} key to the default its mapping (or {@code @ConfigProperty}) declares, nor
 * a key nobody reads; and every {@code groundwork.*} key read outside a mapping must be described
 * in the hand-written part of the page.
 */
class ConfigurationReferenceTest {
  static final Path PROJECT = Path.of(System.getProperty("user.dir"));
  static final Path PAGE = PROJECT.resolve("docs/configuration.md");
  static final String START = "<!-- generated: do not edit; ConfigurationReferenceTest renders it"
      + " from the @ConfigMapping interfaces -->";

  private static ConfigReference reference;

  @BeforeAll
  static void readSources() {
    reference = ConfigReference.read(PROJECT);
  }

  @Test
  void theReferenceIsGeneratedFromTheMappings() {
    String message = new GeneratedSection(PAGE, START).check(render(reference),
        ConfigurationReferenceTest.class.getSimpleName());
    if (message != null) {
      fail(message);
    }
  }

  @Test
  void everyMappingIsFoundAndEverySettingDescribed() {
    assertThat(reference.mappings()).extracting(Mapping::prefix)
        .contains("groundwork.llm", "groundwork.verify", "groundwork.retrieval",
            "groundwork.embedding", "groundwork.index", "groundwork.ingest", "groundwork.answer",
            "groundwork.security", "groundwork.postgres");
    assertThat(reference.settings()).containsKeys("groundwork.llm.provider",
        "groundwork.llm.base-url", "groundwork.retrieval.rrf-k", "groundwork.postgres.ef-search");
    List<String> undescribed = reference.settings().values().stream()
        .filter(s -> s.description().isBlank()).map(Setting::name).toList();
    assertThat(undescribed).as("settings without javadoc in their @ConfigMapping interface")
        .isEmpty();
  }

  @Test
  void applicationPropertiesDoNotRepeatDefaults() throws IOException {
    Map<String, Setting> settings = reference.settings();
    Map<String, LooseProperty> loose = reference.looseProperties();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> entry : applicationProperties().entrySet()) {
      String key = entry.getKey().startsWith("%")
          ? entry.getKey().substring(entry.getKey().indexOf('.') + 1) : entry.getKey();
      if (!key.startsWith("groundwork.")) {
        continue;
      }
      Setting setting = settings.get(key);
      Optional<String> declared = setting != null ? setting.defaultValue()
          : loose.containsKey(key) ? loose.get(key).declaredDefault() : null;
      if (declared == null) {
        problems.add(entry.getKey() + " is read by nothing in src/main/java");
      } else if (declared.isPresent() && sameValue(declared.get(), entry.getValue(),
          setting != null && setting.type().startsWith("`"))) {
        problems.add(entry.getKey() + "=" + entry.getValue() + " repeats the default declared in "
            + (setting != null ? setting.mapping() : loose.get(key).readBy())
            + "; remove it from application.properties");
      }
    }
    assertThat(problems).as("src/main/resources/application.properties").isEmpty();
  }

  @Test
  void settingsReadOutsideTheMappingsAreDocumented() {
    String handWritten = new GeneratedSection(PAGE, START).outside();
    List<String> missing = reference.looseProperties().keySet().stream()
        .filter(name -> !handWritten.contains("`" + name + "`")).toList();
    assertThat(missing).as("groundwork.* settings read outside a @ConfigMapping (by "
        + "@ConfigProperty or a config source factory) but not described in docs/configuration.md")
        .isEmpty();
  }

  /** The generated section: one table per mapping, in prefix order. */
  static String render(ConfigReference reference) {
    StringBuilder out = new StringBuilder();
    for (Mapping mapping : reference.mappings()) {
      String simpleName = mapping.className().substring(mapping.className().lastIndexOf('.') + 1);
      out.append("### `").append(mapping.prefix()).append(".*`\n\n");
      if (!mapping.description().isBlank()) {
        out.append(mapping.description()).append(' ');
      }
      out.append("Declared in [`").append(simpleName).append("`](../")
          .append(mapping.source().toString().replace('\\', '/')).append(").\n\n");
      out.append("| setting | default | values | description |\n");
      out.append("| --- | --- | --- | --- |\n");
      for (Setting setting : mapping.settings()) {
        out.append("| `").append(setting.name()).append("` | ")
            .append(defaultCell(setting)).append(" | ")
            .append(setting.type()).append(" | ")
            .append(setting.description()).append(" |\n");
      }
      out.append('\n');
    }
    return out.toString().strip();
  }

  private static String defaultCell(Setting setting) {
    if (setting.defaultValue().isPresent()) {
      String value = setting.defaultValue().get();
      return value.isEmpty() ? "`\"\"`" : "`" + value.replace("|", "\\|") + "`";
    }
    return setting.optional() ? "unset" : "required";
  }

  private static boolean sameValue(String declared, String configured, boolean caseInsensitive) {
    String a = declared.strip();
    String b = configured.strip();
    if (a.equals(b) || (caseInsensitive && a.equalsIgnoreCase(b))) {
      return true;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Map<String, String> applicationProperties() throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(
        PROJECT.resolve("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    Map<String, String> result = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> result.put(k, properties.getProperty(k)));
    return result;
  }
}
