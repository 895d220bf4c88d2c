package io.groundwork.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.groundwork.deploy.DeploymentArtifacts.Document;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the deployment checks share: the application's configuration, the project folder, the
 * list that collects problems, and the rules every file follows (every environment variable given
 * to the app is a setting it reads; health checks call a real health path on the HTTP port).
 */
abstract class DeploymentChecks {
  /**
   * Names of the configuration contract (helpers' COMMON.md) that other branches implement:
   * accepted while the application reads nothing under the property in the value; once it does
   * (after the merge), they must match exactly like every other name.
   */
  static final Map<String, String> PENDING_CONTRACT = Map.of(
      "GROUNDWORK_STORE", "groundwork.store",
      "GROUNDWORK_DB_URL", "groundwork.db",
      "GROUNDWORK_DB_USER", "groundwork.db",
      "GROUNDWORK_DB_PASSWORD", "groundwork.db",
      "GROUNDWORK_LLM_PROVIDER", "groundwork.llm",
      "GROUNDWORK_LLM_BASE_URL", "groundwork.llm",
      "GROUNDWORK_LLM_MODEL", "groundwork.llm",
      "GROUNDWORK_LLM_API_KEY", "groundwork.llm");

  /** Environment variables the JVM itself reads. */
  private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

  /**
   * Quarkus's own settings for running behind a reverse proxy (docs/deployment.md). They are not
   * in application.properties, because the embedded default has no proxy in front of it, so the
   * configuration scan cannot see them.
   */
  private static final Set<String> PROXY_VARIABLES = Set.of(
      "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED",
      "QUARKUS_HTTP_PROXY_ALLOW_FORWARDED", "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST",
      "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");

  static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  static final Pattern LOCAL_URL = Pattern.compile("http://localhost:(\\d+)(/[^\\s\"']*)");
  static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(\\w+):\\?[^}]+}");
  static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
  static final Pattern VECTOR_EXTENSION =
      Pattern.compile("(?i)create\\s+extension\\s+(if\\s+not\\s+exists\\s+)?\"?vector\"?");

  final AppConfiguration app;
  final Path projectDir;
  final List<String> problems;

  DeploymentChecks(AppConfiguration app, Path projectDir, List<String> problems) {
    this.app = app;
    this.projectDir = projectDir;
    this.problems = problems;
  }

  void checkAppVariable(String where, String name) {
    if (app.readsEnvironmentVariable(name) || JVM_VARIABLES.contains(name)
        || PROXY_VARIABLES.contains(name)) {
      return;
    }
    String pendingUnder = PENDING_CONTRACT.get(name);
    if (pendingUnder != null && !app.readsUnder(pendingUnder)) {
      return;
    }
    problems.add(where + ": environment variable " + name
        + " is not a setting the application reads");
  }

  void checkLocalUrl(String where, String text, Set<String> allowedPaths) {
    Matcher url = LOCAL_URL.matcher(text);
    if (!url.find()) {
      problems.add(where + ": no http://localhost:<port>/<path> URL in '" + text + "'");
      return;
    }
    if (Integer.parseInt(url.group(1)) != app.httpPort()) {
      problems.add(where + ": checks port " + url.group(1) + ", the app listens on "
          + app.httpPort());
    }
    if (!allowedPaths.contains(url.group(2))) {
      problems.add(where + ": checks " + url.group(2) + ", not one of the health paths "
          + allowedPaths);
    }
  }

  static String imageRepository(String image) {
    String withoutDigest = image.split("@")[0];
    int slash = withoutDigest.lastIndexOf('/');
    int colon = withoutDigest.lastIndexOf(':');
    return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
  }

  static Map<String, Document> byKind(List<Document> objects, String kind) {
    Map<String, Document> result = new LinkedHashMap<>();
    objects.stream().filter(o -> o.kind().equals(kind)).forEach(o -> result.put(o.name(), o));
    return result;
  }

  /** True when every label of {@code selector} is on {@code labels} with the same value. */
  static boolean selects(JsonNode selector, JsonNode labels) {
    if (!selector.isObject() || selector.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> entry : selector.properties()) {
      if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  static JsonNode podLabelsOfAny(Map<String, Document> deployments, JsonNode selector) {
    for (Document deployment : deployments.values()) {
      JsonNode labels = deployment.node().path("spec").path("template").path("metadata").path("labels");
      if (selects(selector, labels)) {
        return labels;
      }
    }
    return null;
  }

  static String trimSlash(String path) {
    String result = path.startsWith("./") ? path.substring(2) : path;
    return result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
  }
}
