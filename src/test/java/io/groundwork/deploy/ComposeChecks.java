package io.groundwork.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml (see {@link DeploymentChecker} for what is checked). */
final class ComposeChecks extends DeploymentChecks {
  ComposeChecks(AppConfiguration app, Path projectDir, List<String> problems) {
    super(app, projectDir, problems);
  }

  void check(DeploymentArtifacts artifacts) {
    String file = DeploymentArtifacts.COMPOSE;
    JsonNode compose;
    try {
      compose = artifacts.single(file);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return;
    }
    JsonNode services = compose.path("services");
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    services.properties().forEach(e -> byName.put(e.getKey(), e.getValue()));
    String appName = byName.entrySet().stream().filter(e -> e.getValue().has("build"))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    String dbName = byName.entrySet().stream()
        .filter(e -> e.getValue().path("image").asText().contains("pgvector"))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    if (appName == null) {
      problems.add(file + ": no service is built from the Dockerfile");
      return;
    }
    if (dbName == null) {
      problems.add(file + ": no PostgreSQL service from a pgvector image");
      return;
    }
    JsonNode appService = byName.get(appName);
    JsonNode db = byName.get(dbName);
    String where = file + " services." + appName;

    String dockerfile = appService.path("build").isTextual() ? "Dockerfile"
        : appService.path("build").path("dockerfile").asText("Dockerfile");
    String context = appService.path("build").isTextual() ? appService.path("build").asText()
        : appService.path("build").path("context").asText(".");
    if (!Files.isRegularFile(projectDir.resolve(context).resolve(dockerfile))) {
      problems.add(where + ": builds from " + context + "/" + dockerfile + ", which does not exist");
    }
    if (!imageRepository(appService.path("image").asText()).equals("groundwork")) {
      problems.add(where + ": image must be named groundwork[:tag], like the Kubernetes Deployment's");
    }
    Map<String, String> env = composeEnvironment(appService.path("environment"));
    env.keySet().forEach(name -> checkAppVariable(where, name));

    boolean publishesHttp = false;
    for (JsonNode port : appService.path("ports")) {
      String spec = port.isObject() ? port.path("target").asText() : port.asText();
      String container = spec.substring(spec.lastIndexOf(':') + 1).replace("/tcp", "");
      publishesHttp |= container.equals(String.valueOf(app.httpPort()));
    }
    if (!publishesHttp) {
      problems.add(where + ": does not publish the HTTP port " + app.httpPort());
    }
    checkComposeHealthcheck(where, appService, Set.of(app.healthPath("ready")));
    if (!db.path("healthcheck").path("test").toString().contains("pg_isready")) {
      problems.add(file + " services." + dbName + ": health check must use pg_isready");
    }
    if (!"service_healthy".equals(appService.path("depends_on").path(dbName).path("condition").asText())) {
      problems.add(where + ": must depend on " + dbName + " with condition service_healthy");
    }
    for (Map.Entry<String, JsonNode> service : byName.entrySet()) {
      if (!service.getValue().has("healthcheck")) {
        problems.add(file + " services." + service.getKey() + ": no health check");
      }
    }

    // The app and the database agree on database, user and password; the password is required.
    Map<String, String> dbEnv = composeEnvironment(db.path("environment"));
    String password = dbEnv.getOrDefault("POSTGRES_PASSWORD", "");
    Matcher required = REQUIRED_VARIABLE.matcher(password);
    if (!required.matches()) {
      problems.add(file + " services." + dbName + ": POSTGRES_PASSWORD must come from the"
          + " environment as ${VARIABLE:?message}, got '" + password + "'");
    } else if (!env.getOrDefault("GROUNDWORK_DB_PASSWORD", "").matches(
        "\\$\\{" + required.group(1) + ":\\?[^}]+}")) {
      problems.add(where + ": GROUNDWORK_DB_PASSWORD must be the database's ${"
          + required.group(1) + ":?...}");
    }
    if (!env.getOrDefault("GROUNDWORK_DB_USER", "").equals(dbEnv.getOrDefault("POSTGRES_USER", "postgres"))) {
      problems.add(where + ": GROUNDWORK_DB_USER differs from the database's POSTGRES_USER");
    }
    Matcher jdbc = JDBC_URL.matcher(env.getOrDefault("GROUNDWORK_DB_URL", ""));
    if (!jdbc.matches()) {
      problems.add(where + ": GROUNDWORK_DB_URL must be a jdbc:postgresql:// URL");
    } else {
      if (!jdbc.group(1).equals(dbName)) {
        problems.add(where + ": GROUNDWORK_DB_URL points at host " + jdbc.group(1)
            + ", not the service " + dbName);
      }
      String database = dbEnv.getOrDefault("POSTGRES_DB", dbEnv.getOrDefault("POSTGRES_USER", "postgres"));
      if (!jdbc.group(3).equals(database)) {
        problems.add(where + ": GROUNDWORK_DB_URL names database " + jdbc.group(3)
            + ", the database service creates " + database);
      }
    }
    String llmUrl = env.get("GROUNDWORK_LLM_BASE_URL");
    if (llmUrl != null) {
      Matcher host = Pattern.compile("(?:\\$\\{\\w+:-)?https?://([^:/}]+).*").matcher(llmUrl);
      String llmService = byName.entrySet().stream()
          .filter(e -> e.getValue().path("image").asText().startsWith("ollama/"))
          .map(Map.Entry::getKey).findFirst().orElse(null);
      if (llmService == null || !host.matches() || !host.group(1).equals(llmService)) {
        problems.add(where + ": GROUNDWORK_LLM_BASE_URL must point at the Ollama service");
      } else if (!byName.get(llmService).path("profiles").toString().contains("\"llm\"")) {
        problems.add(file + " services." + llmService + ": must be optional (profile llm)");
      }
    }

    // Named volumes are declared; the data directory is one of them.
    Set<String> declared = new LinkedHashSet<>();
    compose.path("volumes").fieldNames().forEachRemaining(declared::add);
    for (Map.Entry<String, JsonNode> service : byName.entrySet()) {
      for (JsonNode volume : service.getValue().path("volumes")) {
        String source = volume.isObject() ? volume.path("source").asText()
            : volume.asText().split(":")[0];
        if (!source.startsWith(".") && !source.startsWith("/") && !declared.contains(source)) {
          problems.add(file + " services." + service.getKey() + ": volume " + source
              + " is not declared under volumes");
        }
      }
    }
    String dataDir = env.get("GROUNDWORK_DATA_DIR");
    boolean mounted = false;
    for (JsonNode volume : appService.path("volumes")) {
      String[] parts = volume.asText().split(":");
      mounted |= parts.length >= 2 && parts[1].equals(dataDir);
    }
    if (!mounted) {
      problems.add(where + ": GROUNDWORK_DATA_DIR (" + dataDir + ") must be on a volume");
    }
  }

  private void checkComposeHealthcheck(String where, JsonNode service, Set<String> paths) {
    JsonNode test = service.path("healthcheck").path("test");
    if (test.isMissingNode()) {
      problems.add(where + ": no health check");
      return;
    }
    checkLocalUrl(where + " healthcheck", test.toString(), paths);
  }

  private static Map<String, String> composeEnvironment(JsonNode environment) {
    Map<String, String> env = new LinkedHashMap<>();
    if (environment.isArray()) {
      for (JsonNode entry : environment) {
        String[] pair = entry.asText().split("=", 2);
        env.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    } else {
      environment.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    }
    return env;
  }

}
