package io.groundwork.deploy;

import static io.groundwork.testing.ConfigNames.join;
import static io.groundwork.testing.ConfigNames.kebab;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * What the application actually reads, found in the application itself rather than written down
 * a second time: every configuration property of the {@code @ConfigMapping} interfaces (walked
 * from the compiled classes with Jandex, names in kebab case, {@code @WithName},
 * {@code @WithParentName}, nested groups and maps), every {@code @ConfigProperty}, every
 * non-groundwork key of {@code application.properties} and every property its values
 * reference, every literal property name passed to {@code getValue(...)} in the main sources or
 * written in a config source factory (which reads its settings before any mapping exists), and
 * the REST endpoints ({@code @Path}). Renaming a property in the code changes what this class
 * returns, so deployment files that still use the old name fail their checks.
 */
final class AppConfiguration {
  private static final DotName CONFIG_MAPPING = DotName.createSimple("io.smallrye.config.ConfigMapping");
  private static final DotName WITH_NAME = DotName.createSimple("io.smallrye.config.WithName");
  private static final DotName WITH_PARENT_NAME = DotName.createSimple("io.smallrye.config.WithParentName");
  private static final DotName WITH_DEFAULT = DotName.createSimple("io.smallrye.config.WithDefault");
  private static final DotName CONFIG_PROPERTY =
      DotName.createSimple("org.eclipse.microprofile.config.inject.ConfigProperty");
  private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
  private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
  private static final Set<String> CONTAINERS = Set.of("java.util.Optional", "java.util.List",
      "java.util.Set", "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
  private static final Pattern GET_VALUE = Pattern.compile(
      "\\b(?:getValue|getOptionalValue|getConfigValue|getRawValue)\\(\\s*\"([a-z][a-z0-9.*-]+)\"");
  /** A property name as a string literal, in config sources that read it through a helper. */
  private static final Pattern PROPERTY_LITERAL =
      Pattern.compile("\"((?:groundwork|quarkus)(?:\\.[a-z0-9*-]+)+)\"");

  private final Set<String> properties;
  private final Map<String, String> defaults;
  private final Map<String, String> applicationProperties;
  private final Set<String> endpoints;

  private AppConfiguration(Set<String> properties, Map<String, String> defaults,
      Map<String, String> applicationProperties, Set<String> endpoints) {
    this.properties = Set.copyOf(properties);
    this.defaults = Map.copyOf(defaults);
    this.applicationProperties = Map.copyOf(applicationProperties);
    this.endpoints = Set.copyOf(endpoints);
  }

  /** Reads the configuration of the project whose sources are in {@code projectDir}. */
  static AppConfiguration of(Path projectDir, Path compiledClasses) {
    Set<String> properties = new TreeSet<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    Set<String> endpoints = new TreeSet<>();
    Index index = index(compiledClasses);
    for (AnnotationInstance mapping : index.getAnnotations(CONFIG_MAPPING)) {
      AnnotationValue prefix = mapping.value("prefix");
      AnnotationValue strategy = mapping.value("namingStrategy");
      if (strategy != null && !strategy.asEnum().equals("KEBAB_CASE")) {
        throw new IllegalStateException(mapping.target() + ": naming strategy " + strategy.asEnum()
            + " is not supported by this check; teach AppConfiguration about it");
      }
      walk(index, mapping.target().asClass(), prefix == null ? "" : prefix.asString(), properties,
          defaults);
    }
    for (AnnotationInstance property : index.getAnnotations(CONFIG_PROPERTY)) {
      AnnotationValue name = property.value("name");
      if (name != null) {
        properties.add(name.asString());
        AnnotationValue value = property.value("defaultValue");
        if (value != null) {
          defaults.put(name.asString(), value.asString());
        }
      }
    }
    Map<String, String> applicationProperties =
        loadProperties(projectDir.resolve("src/main/resources/application.properties"));
    for (Map.Entry<String, String> entry : applicationProperties.entrySet()) {
      String key = entry.getKey().startsWith("%")
          ? entry.getKey().substring(entry.getKey().indexOf('.') + 1) : entry.getKey();
      if (!key.startsWith("groundwork.")) {
        // Quarkus reads its own keys. A groundwork key is read only if the code reads it: a value
        // set here for a property nobody reads any more must not make its name look valid.
        properties.add(key);
      }
      Matcher expression = EXPRESSION.matcher(entry.getValue());
      while (expression.find()) {
        properties.add(expression.group(1));
      }
    }
    try (Stream<Path> sources = Files.walk(projectDir.resolve("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(source);
        Matcher literal = GET_VALUE.matcher(text);
        while (literal.find()) {
          properties.add(literal.group(1));
        }
        if (text.contains("ConfigSourceContext") || text.contains("ConfigSourceInterceptorContext")) {
          Matcher name = PROPERTY_LITERAL.matcher(text);
          while (name.find()) {
            properties.add(name.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    collectEndpoints(index, endpoints);
    return new AppConfiguration(properties, defaults, applicationProperties, endpoints);
  }

  /** Every property name the application reads; a map key is the segment {@code *}. */
  Set<String> properties() {
    return properties;
  }

  /** The default of a property, as its mapping or injection point declares it. */
  String defaultOf(String property) {
    String value = defaults.get(property);
    if (value == null) {
      throw new IllegalArgumentException("no declared default for " + property);
    }
    return value;
  }

  /** A property of application.properties (without profile), or {@code fallback}. */
  String applicationProperty(String key, String fallback) {
    return applicationProperties.getOrDefault(key, fallback);
  }

  /** True when some property the application reads has the environment name {@code name}. */
  boolean readsEnvironmentVariable(String name) {
    for (String property : properties) {
      if (envPattern(property).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  /** True when the application reads {@code property} or any property below it. */
  boolean readsUnder(String property) {
    return properties.stream().anyMatch(p -> p.equals(property) || p.startsWith(property + "."));
  }

  /** REST endpoints as "METHOD /path". */
  Set<String> endpoints() {
    return endpoints;
  }

  int httpPort() {
    return Integer.parseInt(applicationProperty("quarkus.http.port", "8080"));
  }

  /** /q/health/live etc., as SmallRye Health serves them with this configuration. */
  String healthPath(String probe) {
    String group = switch (probe) {
      case "live" -> applicationProperty("quarkus.smallrye-health.liveness-path", "live");
      case "ready" -> applicationProperty("quarkus.smallrye-health.readiness-path", "ready");
      case "started" -> applicationProperty("quarkus.smallrye-health.startup-path", "started");
      default -> throw new IllegalArgumentException(probe);
    };
    return nonApplicationPath(applicationProperty("quarkus.smallrye-health.root-path", "health"))
        + "/" + group;
  }

  /** Where the Prometheus registry serves metrics. */
  String metricsPath() {
    return nonApplicationPath(
        applicationProperty("quarkus.micrometer.export.prometheus.path", "metrics"));
  }

  private String nonApplicationPath(String path) {
    if (path.startsWith("/")) {
      return path;
    }
    String root = applicationProperty("quarkus.http.non-application-root-path", "q");
    return "/" + trimSlashes(root) + "/" + trimSlashes(path);
  }

  /** The environment variable SmallRye Config maps to {@code property}. */
  static String environmentName(String property) {
    StringBuilder name = new StringBuilder();
    for (char c : property.toCharArray()) {
      name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return name.toString();
  }

  private static Pattern envPattern(String property) {
    StringBuilder regex = new StringBuilder();
    String[] segments = property.split("\\.", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        regex.append('_');
      }
      regex.append(segments[i].equals("*") ? "[A-Z0-9_]+"
          : Pattern.quote(environmentName(segments[i])));
    }
    return Pattern.compile(regex.toString());
  }

  private static void walk(Index index, ClassInfo type, String prefix, Set<String> properties,
      Map<String, String> defaults) {
    for (MethodInfo method : type.methods()) {
      if (Modifier.isStatic(method.flags()) || !Modifier.isAbstract(method.flags())
          || method.parametersCount() > 0 || method.isSynthetic()) {
        continue;
      }
      String segment;
      if (method.declaredAnnotation(WITH_PARENT_NAME) != null) {
        segment = "";
      } else if (method.declaredAnnotation(WITH_NAME) != null) {
        segment = method.declaredAnnotation(WITH_NAME).value().asString();
      } else {
        segment = kebab(method.name());
      }
      String name = join(prefix, segment);
      Type valueType = method.returnType();
      while (valueType.kind() == Type.Kind.PARAMETERIZED_TYPE) {
        String raw = valueType.name().toString();
        List<Type> arguments = valueType.asParameterizedType().arguments();
        if (raw.equals("java.util.Map")) {
          name = join(name, "*");
          valueType = arguments.get(1);
        } else if (CONTAINERS.contains(raw)) {
          valueType = arguments.getFirst();
        } else {
          break;
        }
      }
      ClassInfo group = index.getClassByName(valueType.name());
      if (group != null && group.isInterface()) {
        walk(index, group, name, properties, defaults);
      } else {
        properties.add(name);
        AnnotationInstance value = method.declaredAnnotation(WITH_DEFAULT);
        if (value != null) {
          defaults.put(name, value.value().asString());
        }
      }
    }
    for (DotName parent : type.interfaceNames()) {
      ClassInfo superType = index.getClassByName(parent);
      if (superType != null) {
        walk(index, superType, prefix, properties, defaults);
      }
    }
  }

  private static void collectEndpoints(Index index, Set<String> endpoints) {
    for (AnnotationInstance path : index.getAnnotations(PATH)) {
      if (path.target().kind() != AnnotationTarget.Kind.METHOD) {
        continue;
      }
      MethodInfo method = path.target().asMethod();
      AnnotationInstance root = method.declaringClass().declaredAnnotation(PATH);
      String full = "/" + trimSlashes((root == null ? "" : trimSlashes(root.value().asString()))
          + "/" + trimSlashes(path.value().asString()));
      for (String verb : HTTP_METHODS) {
        if (method.declaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb)) != null) {
          endpoints.add(verb + " " + full);
        }
      }
    }
    for (ClassInfo resource : index.getKnownClasses()) {
      AnnotationInstance root = resource.declaredAnnotation(PATH);
      if (root == null) {
        continue;
      }
      for (MethodInfo method : resource.methods()) {
        if (method.declaredAnnotation(PATH) != null) {
          continue;
        }
        for (String verb : HTTP_METHODS) {
          if (method.declaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb)) != null) {
            endpoints.add(verb + " /" + trimSlashes(root.value().asString()));
          }
        }
      }
    }
  }

  private static Index index(Path classes) {
    Indexer indexer = new Indexer();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          indexer.index(in);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + classes, e);
    }
    return indexer.complete();
  }

  /** The folder the application's classes were compiled to. */
  static Path compiledClassesOf(Class<?> mainClass) {
    try {
      return Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> loadProperties(Path file) {
    Properties loaded = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      loaded.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> result = new LinkedHashMap<>();
    loaded.stringPropertyNames().forEach(k -> result.put(k, loaded.getProperty(k)));
    return result;
  }

  private static String trimSlashes(String path) {
    String result = path;
    while (result.startsWith("/")) {
      result = result.substring(1);
    }
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
