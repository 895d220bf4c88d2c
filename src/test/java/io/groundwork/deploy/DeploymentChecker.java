package io.groundwork.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.deploy.DeploymentArtifacts.Document;
import io.groundwork.ingest.PipelineConfig;
import io.groundwork.security.Roles;
import io.groundwork.security.UserDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the deployment files against each other and against what the application reads and
 * serves. {@link #check} returns every problem found, each naming its file; an empty list means
 * the files are consistent. Checks, in short:
 *
 * <ul>
 *   <li>Dockerfile: Temurin JDK build stage running {@code mvnw package}, Temurin JRE run stage,
 *       non-root numeric user, {@code EXPOSE} = {@code quarkus.http.port}, a HEALTHCHECK on a
 *       real health path, an ENTRYPOINT with the JVM flags of the POM that starts the copied
 *       fast-jar, the default pipeline file and prompts folder present where the working
 *       directory makes the app look for them, nothing copied excluded by .dockerignore.
 *   <li>docker-compose.yml: the app built from the Dockerfile, PostgreSQL from a pgvector image
 *       with pg_isready, health checks on real paths and ports, depends_on service_healthy,
 *       passwords required from the environment, named volumes declared, Ollama behind a profile.
 *   <li>k8s/: every file parses and is listed in kustomization.yaml; every object has
 *       apiVersion, kind and a valid name; selectors match pod labels; container ports, probe
 *       paths and ports, Secret and ConfigMap references resolve; HPA, PDB, CronJob and the
 *       CloudNativePG cluster with the vector extension are wired to each other.
 *   <li>Everywhere: every environment variable given to the app is a setting it reads.
 * </ul>
 */
final class DeploymentChecker {
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

  private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LOCAL_URL = Pattern.compile("http://localhost:(\\d+)(/[^\\s\"']*)");
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(\\w+):\\?[^}]+}");
  private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
  private static final Pattern VECTOR_EXTENSION =
      Pattern.compile("(?i)create\\s+extension\\s+(if\\s+not\\s+exists\\s+)?\"?vector\"?");

  private final AppConfiguration app;
  private final Path projectDir;
  private final List<String> problems = new ArrayList<>();

  private DeploymentChecker(AppConfiguration app, Path projectDir) {
    this.app = app;
    this.projectDir = projectDir;
  }

  /** Every problem in {@code artifacts}, in a stable order. */
  static List<String> check(DeploymentArtifacts artifacts, AppConfiguration app, Path projectDir) {
    DeploymentChecker checker = new DeploymentChecker(app, projectDir);
    checker.run(artifacts);
    return List.copyOf(checker.problems);
  }

  private void run(DeploymentArtifacts artifacts) {
    for (String required : List.of(DeploymentArtifacts.DOCKERFILE, DeploymentArtifacts.DOCKERIGNORE,
        DeploymentArtifacts.COMPOSE, DeploymentArtifacts.K8S + "/kustomization.yaml")) {
      if (!artifacts.has(required)) {
        problems.add(required + ": missing");
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    Dockerfile docker = checkDockerfile(artifacts);
    checkCompose(artifacts);
    checkKubernetes(artifacts, docker);
  }

  // ---- environment ---------------------------------------------------------------------------

  private void checkAppVariable(String where, String name) {
    if (app.readsEnvironmentVariable(name) || JVM_VARIABLES.contains(name)) {
      return;
    }
    String pendingUnder = PENDING_CONTRACT.get(name);
    if (pendingUnder != null && !app.readsUnder(pendingUnder)) {
      return;
    }
    problems.add(where + ": environment variable " + name
        + " is not a setting the application reads");
  }

  // ---- Dockerfile ----------------------------------------------------------------------------

  /** An instruction of a Dockerfile with its stage (0-based). */
  record Instruction(int stage, String keyword, String arguments) {}

  /** What later checks need from the Dockerfile. */
  record Dockerfile(List<Instruction> instructions, String workdir, Map<String, String> copies,
      Map<String, String> environment, Optional<Integer> uid) {
    /** The project file a path inside the image was copied from, if any. */
    Optional<String> sourceOf(String containerPath) {
      String absolute = containerPath.startsWith("/") ? containerPath : workdir + "/" + containerPath;
      absolute = Path.of(absolute).normalize().toString();
      for (Map.Entry<String, String> copy : copies.entrySet()) {
        String destination = copy.getKey();
        if (absolute.equals(destination) || absolute.startsWith(destination + "/")) {
          String rest = absolute.substring(destination.length());
          return Optional.of(copy.getValue() + rest);
        }
      }
      return Optional.empty();
    }
  }

  static List<Instruction> parseDockerfile(String text) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int stage = -1;
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String full = current.toString().strip();
      current.setLength(0);
      if (full.isEmpty()) {
        continue;
      }
      int space = full.indexOf(' ');
      String keyword = (space < 0 ? full : full.substring(0, space)).toUpperCase();
      String arguments = space < 0 ? "" : full.substring(space + 1).strip();
      if (keyword.equals("FROM")) {
        stage++;
      }
      instructions.add(new Instruction(stage, keyword, arguments));
    }
    return instructions;
  }

  private Dockerfile checkDockerfile(DeploymentArtifacts artifacts) {
    String file = DeploymentArtifacts.DOCKERFILE;
    List<Instruction> instructions = parseDockerfile(artifacts.text(file));
    List<Instruction> froms = instructions.stream().filter(i -> i.keyword().equals("FROM")).toList();
    int last = froms.size() - 1;
    if (froms.size() < 2) {
      problems.add(file + ": needs a build stage and a run stage (multi-stage build)");
    } else {
      checkBaseImage(file, froms.getFirst().arguments(), "jdk");
      checkBaseImage(file, froms.get(last).arguments(), "jre");
    }
    Predicate<Instruction> inFinal = i -> i.stage() == last;
    String buildStage = froms.isEmpty() ? "" : stageName(froms.getFirst().arguments());
    if (instructions.stream().noneMatch(i -> i.stage() == 0 && i.keyword().equals("RUN")
        && i.arguments().contains("mvnw") && i.arguments().contains("package"))) {
      problems.add(file + ": the build stage must run ./mvnw ... package");
    }

    String workdir = "/";
    Map<String, String> copies = new LinkedHashMap<>();
    Map<String, String> environment = new LinkedHashMap<>();
    Set<String> volumes = new LinkedHashSet<>();
    Optional<Integer> uid = Optional.empty();
    List<String> exposed = new ArrayList<>();
    String entrypoint = null;
    String healthcheck = null;
    for (Instruction instruction : instructions) {
      String args = instruction.arguments();
      if (instruction.keyword().equals("COPY")) {
        List<String> words = new ArrayList<>(List.of(args.split("\\s+")));
        String from = null;
        for (Iterator<String> it = words.iterator(); it.hasNext(); ) {
          String word = it.next();
          if (word.startsWith("--")) {
            if (word.startsWith("--from=")) {
              from = word.substring("--from=".length());
            }
            it.remove();
          }
        }
        String destination = words.getLast();
        for (String source : words.subList(0, words.size() - 1)) {
          if (from == null) {
            checkNotIgnored(artifacts, source);
          }
          if (inFinal.test(instruction)) {
            String absolute = Path.of(destination.startsWith("/") ? destination
                : workdir + "/" + destination).normalize().toString();
            String origin = from == null ? trimSlash(source) : from + ":" + trimSlash(source);
            copies.put(absolute, origin);
          }
        }
        if (inFinal.test(instruction) && from != null && !from.equals(buildStage)) {
          problems.add(file + ": the run stage copies from '" + from + "', not the build stage '"
              + buildStage + "'");
        }
      }
      if (!inFinal.test(instruction)) {
        continue;
      }
      switch (instruction.keyword()) {
        case "WORKDIR" -> workdir = Path.of(args.startsWith("/") ? args : workdir + "/" + args)
            .normalize().toString();
        case "ENV" -> environment.putAll(parseEnv(args));
        case "VOLUME" -> volumes.addAll(jsonOrWords(args));
        case "EXPOSE" -> exposed.addAll(List.of(args.split("\\s+")));
        case "ENTRYPOINT" -> entrypoint = args;
        case "HEALTHCHECK" -> healthcheck = args;
        case "USER" -> uid = parseUid(file, args);
        default -> { }
      }
    }
    int port = app.httpPort();
    if (!exposed.equals(List.of(String.valueOf(port)))
        && !exposed.equals(List.of(port + "/tcp"))) {
      problems.add(file + ": EXPOSE " + exposed + " must be the HTTP port " + port
          + " (quarkus.http.port)");
    }
    if (uid.isEmpty()) {
      problems.add(file + ": the run stage must switch to a non-root numeric USER");
    }
    if (healthcheck == null) {
      problems.add(file + ": no HEALTHCHECK");
    } else {
      checkLocalUrl(file + " HEALTHCHECK", healthcheck, Set.of(app.healthPath("ready"),
          app.healthPath("live")));
    }
    checkEntrypoint(file, entrypoint, copies);
    for (String name : environment.keySet()) {
      checkAppVariable(file + " ENV", name);
    }
    String dataDir = environment.get("GROUNDWORK_DATA_DIR");
    if (dataDir == null || !volumes.contains(dataDir)) {
      problems.add(file + ": GROUNDWORK_DATA_DIR must be set and be a VOLUME, got " + dataDir
          + " and " + volumes);
    }
    Dockerfile docker = new Dockerfile(instructions, workdir, copies, environment, uid);
    checkInImage(file, docker, app.defaultOf("groundwork.ingest.pipeline-file"), true);
    checkInImage(file, docker, app.defaultOf("groundwork.answer.prompts-dir"), false);
    return docker;
  }

  private void checkBaseImage(String file, String from, String flavour) {
    String image = from.split("\\s+")[0];
    Matcher matcher = Pattern.compile("eclipse-temurin:(\\d+)-" + flavour + "\\b.*").matcher(image);
    if (!matcher.matches()) {
      problems.add(file + ": stage image " + image + " must be eclipse-temurin:<version>-" + flavour);
    } else if (Integer.parseInt(matcher.group(1)) < 21) {
      problems.add(file + ": " + image + " is older than the JDK 21 the build requires");
    }
  }

  private static String stageName(String from) {
    String[] words = from.split("\\s+");
    return words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : "0";
  }

  private void checkEntrypoint(String file, String entrypoint, Map<String, String> copies) {
    if (entrypoint == null || !entrypoint.startsWith("[")) {
      problems.add(file + ": ENTRYPOINT must be in exec form (a JSON array)");
      return;
    }
    List<String> words = jsonOrWords(entrypoint);
    int jar = words.indexOf("-jar");
    if (jar < 0 || jar + 1 >= words.size()) {
      problems.add(file + ": ENTRYPOINT must start the fast-jar with -jar");
    } else {
      String runJar = Path.of(words.get(jar + 1)).normalize().toString();
      String fastJar = copies.entrySet().stream()
          .filter(c -> c.getValue().endsWith(":/build/target/quarkus-app")
              || c.getValue().endsWith("target/quarkus-app"))
          .map(Map.Entry::getKey).findFirst().orElse(null);
      if (fastJar == null) {
        problems.add(file + ": the run stage does not copy target/quarkus-app from the build");
      } else if (!runJar.equals(fastJar + "/quarkus-run.jar")) {
        problems.add(file + ": ENTRYPOINT runs " + runJar + " but the fast-jar is copied to "
            + fastJar);
      }
    }
    String jvmArgs = pomProperty("groundwork.jvm.args");
    List<String> flags = List.of(jvmArgs.strip().split("\\s+"));
    String joined = String.join(" ", words);
    if (!joined.contains(String.join(" ", flags.subList(0, Math.min(2, flags.size()))))) {
      problems.add(file + ": ENTRYPOINT lacks the JVM flags '" + jvmArgs + "' of the POM");
    }
    for (String flag : flags) {
      if (!words.contains(flag)) {
        problems.add(file + ": ENTRYPOINT lacks the JVM flag " + flag + " (pom groundwork.jvm.args)");
      }
    }
  }

  private void checkInImage(String file, Dockerfile docker, String path, boolean regularFile) {
    Optional<String> source = docker.sourceOf(path);
    if (source.isEmpty() || source.get().contains(":")) {
      problems.add(file + ": " + path + " (relative to WORKDIR " + docker.workdir()
          + ") is not copied into the image");
      return;
    }
    Path inProject = projectDir.resolve(source.get());
    if (regularFile ? !Files.isRegularFile(inProject) : !Files.isDirectory(inProject)) {
      problems.add(file + ": " + path + " comes from " + source.get() + ", which does not exist");
    }
  }

  private void checkNotIgnored(DeploymentArtifacts artifacts, String source) {
    String path = trimSlash(source);
    for (String raw : artifacts.text(DeploymentArtifacts.DOCKERIGNORE).split("\n")) {
      String pattern = raw.strip();
      if (pattern.isEmpty() || pattern.startsWith("#") || pattern.startsWith("!")) {
        continue;
      }
      pattern = trimSlash(pattern);
      boolean ignored = path.equals(pattern) || path.startsWith(pattern + "/")
          || FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(path));
      if (ignored) {
        problems.add(DeploymentArtifacts.DOCKERIGNORE + ": excludes " + source
            + ", which the Dockerfile copies");
      }
    }
    if (!Files.exists(projectDir.resolve(path))) {
      problems.add(DeploymentArtifacts.DOCKERFILE + ": copies " + source + ", which does not exist");
    }
  }

  private Optional<Integer> parseUid(String file, String user) {
    String name = user.split(":")[0];
    if (!name.matches("\\d+")) {
      problems.add(file + ": USER " + user + " must be numeric so that Kubernetes can verify"
          + " runAsNonRoot");
      return Optional.empty();
    }
    int uid = Integer.parseInt(name);
    if (uid == 0) {
      problems.add(file + ": USER must not be root");
      return Optional.empty();
    }
    return Optional.of(uid);
  }

  private static Map<String, String> parseEnv(String args) {
    Map<String, String> env = new LinkedHashMap<>();
    Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(args);
    boolean any = false;
    while (pair.find()) {
      any = true;
      String value = pair.group(2);
      env.put(pair.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
    }
    if (!any) {
      String[] legacy = args.split("\\s+", 2);
      env.put(legacy[0], legacy.length > 1 ? legacy[1] : "");
    }
    return env;
  }

  private static List<String> jsonOrWords(String args) {
    if (args.startsWith("[")) {
      try {
        return List.of(new ObjectMapper().readValue(args, String[].class));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("not a JSON array: " + args, e);
      }
    }
    return List.of(args.split("\\s+"));
  }

  private String pomProperty(String name) {
    try {
      String pom = Files.readString(projectDir.resolve("pom.xml"));
      Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
      if (!matcher.find()) {
        throw new IllegalStateException("pom.xml has no property " + name);
      }
      return matcher.group(1);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void checkLocalUrl(String where, String text, Set<String> allowedPaths) {
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

  // ---- docker-compose.yml --------------------------------------------------------------------

  private void checkCompose(DeploymentArtifacts artifacts) {
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

  private static String imageRepository(String image) {
    String withoutDigest = image.split("@")[0];
    int slash = withoutDigest.lastIndexOf('/');
    int colon = withoutDigest.lastIndexOf(':');
    return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
  }

  // ---- k8s/ ----------------------------------------------------------------------------------

  private void checkKubernetes(DeploymentArtifacts artifacts, Dockerfile docker) {
    List<Document> objects = new ArrayList<>();
    JsonNode kustomization = null;
    for (String file : artifacts.kubernetesFiles()) {
      List<Document> documents;
      try {
        documents = artifacts.documents(file);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        continue;
      }
      for (Document document : documents) {
        if (document.kind().equals("Kustomization")) {
          kustomization = document.node();
          continue;
        }
        checkObject(document);
        objects.add(document);
      }
    }
    if (kustomization == null) {
      problems.add("k8s/kustomization.yaml: no Kustomization");
      return;
    }
    checkKustomization(artifacts, kustomization);

    Map<String, Document> configMaps = byKind(objects, "ConfigMap");
    Map<String, Document> secrets = byKind(objects, "Secret");
    Map<String, Document> deployments = byKind(objects, "Deployment");
    Map<String, Document> services = byKind(objects, "Service");
    Map<String, Document> clusters = byKind(objects, "Cluster");
    for (String kind : List.of("Deployment", "Service", "ConfigMap", "Secret",
        "HorizontalPodAutoscaler", "CronJob", "Cluster")) {
      if (byKind(objects, kind).isEmpty()) {
        problems.add("k8s/: no " + kind);
      }
    }
    for (Document deployment : deployments.values()) {
      checkDeployment(deployment, configMaps, secrets, docker, clusters);
    }
    for (Document service : services.values()) {
      checkService(service, deployments);
    }
    for (Document hpa : byKind(objects, "HorizontalPodAutoscaler").values()) {
      checkAutoscaler(hpa, deployments);
    }
    for (Document pdb : byKind(objects, "PodDisruptionBudget").values()) {
      JsonNode labels = podLabelsOfAny(deployments, pdb.node().path("spec").path("selector")
          .path("matchLabels"));
      if (labels == null) {
        problems.add(pdb + ": selector matches no Deployment's pods");
      }
    }
    for (Document cronJob : byKind(objects, "CronJob").values()) {
      checkCronJob(cronJob, services, secrets, deployments);
    }
    for (Document cluster : clusters.values()) {
      checkCluster(cluster, secrets);
    }
  }

  private void checkObject(Document document) {
    JsonNode node = document.node();
    if (node.path("apiVersion").asText().isBlank()) {
      problems.add(document + ": no apiVersion");
    }
    if (document.kind().isBlank()) {
      problems.add(document + ": no kind");
    }
    String name = document.name();
    if (name.isBlank() || name.length() > 63 || !DNS_NAME.matcher(name).matches()) {
      problems.add(document + ": metadata.name '" + name + "' is not a valid DNS name");
    }
    String expected = switch (document.kind()) {
      case "Deployment" -> "apps/v1";
      case "Service", "ConfigMap", "Secret", "Namespace" -> "v1";
      case "HorizontalPodAutoscaler" -> "autoscaling/v2";
      case "CronJob" -> "batch/v1";
      case "PodDisruptionBudget" -> "policy/v1";
      case "Cluster" -> "postgresql.cnpg.io/v1";
      default -> null;
    };
    if (expected != null && !expected.equals(node.path("apiVersion").asText())) {
      problems.add(document + ": apiVersion must be " + expected);
    }
  }

  private void checkKustomization(DeploymentArtifacts artifacts, JsonNode kustomization) {
    Set<String> listed = new LinkedHashSet<>();
    for (JsonNode resource : kustomization.path("resources")) {
      listed.add("k8s/" + resource.asText());
    }
    for (String file : artifacts.kubernetesFiles()) {
      if (!file.equals("k8s/kustomization.yaml") && !listed.contains(file)) {
        problems.add("k8s/kustomization.yaml: does not list " + file);
      }
    }
    for (String file : listed) {
      if (!artifacts.has(file)) {
        problems.add("k8s/kustomization.yaml: lists " + file + ", which does not exist");
      }
    }
    boolean image = false;
    for (JsonNode entry : kustomization.path("images")) {
      image |= entry.path("name").asText().equals("groundwork");
    }
    if (!image) {
      problems.add("k8s/kustomization.yaml: needs an images entry for groundwork (your registry)");
    }
  }

  private void checkDeployment(Document deployment, Map<String, Document> configMaps,
      Map<String, Document> secrets, Dockerfile docker, Map<String, Document> clusters) {
    JsonNode spec = deployment.node().path("spec");
    JsonNode template = spec.path("template");
    JsonNode labels = template.path("metadata").path("labels");
    if (!selects(spec.path("selector").path("matchLabels"), labels)) {
      problems.add(deployment + ": spec.selector.matchLabels do not match the pod template labels");
    }
    if (spec.path("replicas").asInt(1) < 2) {
      problems.add(deployment + ": the query service needs several replicas");
    }
    JsonNode pod = template.path("spec");
    JsonNode annotations = template.path("metadata").path("annotations");
    if (annotations.has("prometheus.io/path")
        && !annotations.path("prometheus.io/path").asText().equals(app.metricsPath())) {
      problems.add(deployment + ": prometheus.io/path must be " + app.metricsPath());
    }
    Map<String, JsonNode> volumes = new LinkedHashMap<>();
    for (JsonNode volume : pod.path("volumes")) {
      volumes.put(volume.path("name").asText(), volume);
    }
    docker.uid().ifPresent(uid -> {
      int runAs = pod.path("securityContext").path("runAsUser").asInt(-1);
      if (runAs != uid) {
        problems.add(deployment + ": securityContext.runAsUser " + runAs
            + " differs from the image's USER " + uid);
      }
    });
    JsonNode appContainer = null;
    for (JsonNode container : pod.path("containers")) {
      String where = deployment + " container " + container.path("name").asText();
      if (container.path("image").asText().isBlank()) {
        problems.add(where + ": no image");
      }
      checkResources(where, container);
      if (imageRepository(container.path("image").asText()).equals("groundwork")) {
        appContainer = container;
      }
    }
    if (appContainer == null) {
      problems.add(deployment + ": no container runs the groundwork image");
      return;
    }
    String where = deployment + " container " + appContainer.path("name").asText();
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (JsonNode port : appContainer.path("ports")) {
      ports.put(port.path("name").asText(""), port.path("containerPort").asInt());
    }
    if (!ports.containsValue(app.httpPort())) {
      problems.add(where + ": no containerPort " + app.httpPort() + " (quarkus.http.port)");
    }
    checkProbe(where, appContainer, "readinessProbe", app.healthPath("ready"), ports, true);
    checkProbe(where, appContainer, "livenessProbe", app.healthPath("live"), ports, true);
    checkProbe(where, appContainer, "startupProbe", app.healthPath("started"), ports, false);

    // Environment: names the app reads; references that resolve.
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, JsonNode> secretRefs = new LinkedHashMap<>();
    for (JsonNode source : appContainer.path("envFrom")) {
      String configMap = source.path("configMapRef").path("name").asText(null);
      if (configMap != null) {
        Document map = configMaps.get(configMap);
        if (map == null) {
          problems.add(where + ": envFrom ConfigMap " + configMap + " does not exist");
          continue;
        }
        map.node().path("data").properties().forEach(e -> {
          checkAppVariable(map.toString(), e.getKey());
          env.put(e.getKey(), e.getValue().asText());
        });
      }
      if (source.has("secretRef")) {
        problems.add(where + ": use env with secretKeyRef, not envFrom secretRef, so that the"
            + " names are checked");
      }
    }
    for (JsonNode variable : appContainer.path("env")) {
      String name = variable.path("name").asText();
      checkAppVariable(where, name);
      if (variable.has("value")) {
        env.put(name, variable.path("value").asText());
      }
      JsonNode secretRef = variable.path("valueFrom").path("secretKeyRef");
      if (!secretRef.isMissingNode()) {
        secretRefs.put(name, secretRef);
        checkSecretKey(where + " env " + name, secrets, secretRef.path("name").asText(),
            secretRef.path("key").asText());
      }
      JsonNode configRef = variable.path("valueFrom").path("configMapKeyRef");
      if (!configRef.isMissingNode()) {
        Document map = configMaps.get(configRef.path("name").asText());
        if (map == null || !map.node().path("data").has(configRef.path("key").asText())) {
          problems.add(where + " env " + name + ": ConfigMap key does not exist");
        }
      }
    }
    if (!"postgres".equals(env.get("GROUNDWORK_STORE"))) {
      problems.add(where + ": several replicas need GROUNDWORK_STORE=postgres");
    }

    // Mounted paths the settings point at.
    Map<String, JsonNode> mounts = new LinkedHashMap<>();
    for (JsonNode mount : appContainer.path("volumeMounts")) {
      mounts.put(mount.path("mountPath").asText(), mount);
      if (!volumes.containsKey(mount.path("name").asText())) {
        problems.add(where + ": volumeMount " + mount.path("name").asText() + " has no volume");
      }
    }
    String dataDir = env.get("GROUNDWORK_DATA_DIR");
    if (dataDir == null || !mounts.containsKey(dataDir)) {
      problems.add(where + ": GROUNDWORK_DATA_DIR (" + dataDir + ") must be a mounted volume");
    }
    if (appContainer.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false)
        && !mounts.containsKey("/tmp")) {
      problems.add(where + ": a read-only root file system needs a volume on /tmp (ONNX runtime"
          + " libraries, uploads)");
    }
    String usersFile = env.get("GROUNDWORK_SECURITY_USERS_FILE");
    if (usersFile != null) {
      Path usersPath = Path.of(usersFile);
      JsonNode mount = mounts.get(String.valueOf(usersPath.getParent()));
      JsonNode volume = mount == null ? null : volumes.get(mount.path("name").asText());
      String secretName = volume == null ? null : volume.path("secret").path("secretName").asText(null);
      if (secretName == null) {
        problems.add(where + ": GROUNDWORK_SECURITY_USERS_FILE " + usersFile
            + " is not in a mounted Secret");
      } else {
        String key = usersPath.getFileName().toString();
        for (JsonNode item : volume.path("secret").path("items")) {
          if (item.path("path").asText().equals(key)) {
            key = item.path("key").asText();
          }
        }
        checkSecretKey(where + " users file", secrets, secretName, key);
      }
    }
    String pipeline = env.get("GROUNDWORK_INGEST_PIPELINE_FILE");
    if (pipeline != null) {
      Optional<String> source = docker.sourceOf(pipeline);
      if (source.isEmpty() || !Files.isRegularFile(projectDir.resolve(source.get()))) {
        problems.add(where + ": GROUNDWORK_INGEST_PIPELINE_FILE " + pipeline
            + " is not a file the image contains");
      }
    }
    checkDatabaseWiring(where, env, secretRefs, clusters);
  }

  private void checkDatabaseWiring(String where, Map<String, String> env,
      Map<String, JsonNode> secretRefs, Map<String, Document> clusters) {
    Matcher jdbc = JDBC_URL.matcher(env.getOrDefault("GROUNDWORK_DB_URL", ""));
    if (!jdbc.matches()) {
      problems.add(where + ": GROUNDWORK_DB_URL must be a jdbc:postgresql:// URL");
      return;
    }
    Document cluster = clusters.values().stream()
        .filter(c -> jdbc.group(1).equals(c.name() + "-rw")).findFirst().orElse(null);
    if (cluster == null) {
      problems.add(where + ": GROUNDWORK_DB_URL host " + jdbc.group(1)
          + " is not the read-write service <cluster>-rw of a CloudNativePG Cluster");
      return;
    }
    JsonNode initdb = cluster.node().path("spec").path("bootstrap").path("initdb");
    if (!jdbc.group(3).equals(initdb.path("database").asText())) {
      problems.add(where + ": GROUNDWORK_DB_URL names database " + jdbc.group(3) + ", "
          + cluster + " creates " + initdb.path("database").asText());
    }
    String credentials = initdb.path("secret").path("name").asText();
    for (String variable : List.of("GROUNDWORK_DB_USER", "GROUNDWORK_DB_PASSWORD")) {
      JsonNode ref = secretRefs.get(variable);
      String key = variable.endsWith("USER") ? "username" : "password";
      if (ref == null || !ref.path("name").asText().equals(credentials)
          || !ref.path("key").asText().equals(key)) {
        problems.add(where + ": " + variable + " must come from Secret " + credentials + " key "
            + key + " (the database owner's credentials)");
      }
    }
  }

  private void checkProbe(String where, JsonNode container, String probe, String path,
      Map<String, Integer> ports, boolean required) {
    JsonNode get = container.path(probe).path("httpGet");
    if (get.isMissingNode()) {
      if (required) {
        problems.add(where + ": no " + probe + " with httpGet");
      }
      return;
    }
    if (!get.path("path").asText().equals(path)) {
      problems.add(where + ": " + probe + " checks " + get.path("path").asText() + ", must be "
          + path);
    }
    JsonNode port = get.path("port");
    int number = port.isInt() ? port.asInt() : ports.getOrDefault(port.asText(), -1);
    if (number != app.httpPort()) {
      problems.add(where + ": " + probe + " port " + port.asText()
          + " is not the HTTP port " + app.httpPort());
    }
  }

  private void checkResources(String where, JsonNode container) {
    JsonNode resources = container.path("resources");
    if (!resources.path("requests").has("cpu") || !resources.path("requests").has("memory")
        || !resources.path("limits").has("memory")) {
      problems.add(where + ": needs resources.requests cpu and memory and limits.memory");
    }
  }

  private void checkSecretKey(String where, Map<String, Document> secrets, String name, String key) {
    Document secret = secrets.get(name);
    if (secret == null) {
      problems.add(where + ": Secret " + name + " does not exist");
    } else if (secretValue(secret, key) == null) {
      problems.add(where + ": Secret " + name + " has no key " + key);
    }
  }

  private static String secretValue(Document secret, String key) {
    JsonNode node = secret.node();
    if (node.path("stringData").has(key)) {
      return node.path("stringData").path(key).asText();
    }
    if (node.path("data").has(key)) {
      return new String(java.util.Base64.getDecoder().decode(node.path("data").path(key).asText()),
          StandardCharsets.UTF_8);
    }
    return null;
  }

  private void checkService(Document service, Map<String, Document> deployments) {
    JsonNode selector = service.node().path("spec").path("selector");
    Document target = null;
    for (Document deployment : deployments.values()) {
      if (selects(selector, deployment.node().path("spec").path("template").path("metadata")
          .path("labels"))) {
        target = deployment;
      }
    }
    if (target == null || selector.isEmpty()) {
      problems.add(service + ": selector matches no Deployment's pods");
      return;
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (JsonNode container : target.node().path("spec").path("template").path("spec")
        .path("containers")) {
      for (JsonNode port : container.path("ports")) {
        ports.put(port.path("name").asText(""), port.path("containerPort").asInt());
      }
    }
    for (JsonNode port : service.node().path("spec").path("ports")) {
      JsonNode targetPort = port.has("targetPort") ? port.path("targetPort") : port.path("port");
      boolean resolves = targetPort.isInt() ? ports.containsValue(targetPort.asInt())
          : ports.containsKey(targetPort.asText());
      if (!resolves) {
        problems.add(service + ": targetPort " + targetPort.asText() + " is not a port of "
            + target);
      }
    }
  }

  private void checkAutoscaler(Document hpa, Map<String, Document> deployments) {
    JsonNode spec = hpa.node().path("spec");
    JsonNode target = spec.path("scaleTargetRef");
    Document deployment = deployments.get(target.path("name").asText());
    if (!target.path("kind").asText().equals("Deployment") || deployment == null
        || !target.path("apiVersion").asText().equals("apps/v1")) {
      problems.add(hpa + ": scaleTargetRef must name one of the Deployments");
      return;
    }
    int min = spec.path("minReplicas").asInt(1);
    int max = spec.path("maxReplicas").asInt(0);
    if (min < 2 || max < min) {
      problems.add(hpa + ": needs 2 <= minReplicas <= maxReplicas, got " + min + ".." + max);
    }
    if (!spec.path("metrics").isArray() || spec.path("metrics").isEmpty()) {
      problems.add(hpa + ": no metrics");
    }
    for (JsonNode metric : spec.path("metrics")) {
      String resource = metric.path("resource").path("name").asText();
      if (metric.path("type").asText().equals("Resource")
          && metric.path("resource").path("target").path("type").asText().equals("Utilization")) {
        for (JsonNode container : deployment.node().path("spec").path("template").path("spec")
            .path("containers")) {
          if (!container.path("resources").path("requests").has(resource)) {
            problems.add(hpa + ": scales on " + resource + " utilization, but container "
                + container.path("name").asText() + " requests no " + resource);
          }
        }
      }
    }
  }

  private void checkCronJob(Document cronJob, Map<String, Document> services,
      Map<String, Document> secrets, Map<String, Document> deployments) {
    JsonNode spec = cronJob.node().path("spec");
    if (spec.path("schedule").asText().trim().split("\\s+").length != 5) {
      problems.add(cronJob + ": schedule must have five fields");
    }
    if (!spec.path("concurrencyPolicy").asText().equals("Forbid")) {
      problems.add(cronJob + ": concurrencyPolicy must be Forbid (one ingestion run at a time)");
    }
    JsonNode pod = spec.path("jobTemplate").path("spec").path("template").path("spec");
    if (!Set.of("Never", "OnFailure").contains(pod.path("restartPolicy").asText())) {
      problems.add(cronJob + ": restartPolicy must be Never or OnFailure");
    }
    for (JsonNode container : pod.path("containers")) {
      String where = cronJob + " container " + container.path("name").asText();
      checkResources(where, container);
      Map<String, String> env = new LinkedHashMap<>();
      Map<String, JsonNode> secretRefs = new LinkedHashMap<>();
      for (JsonNode variable : container.path("env")) {
        env.put(variable.path("name").asText(), variable.path("value").asText(null));
        JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
        if (!ref.isMissingNode()) {
          secretRefs.put(variable.path("name").asText(), ref);
          checkSecretKey(where, secrets, ref.path("name").asText(), ref.path("key").asText());
        }
      }
      String script = container.path("command").toString() + container.path("args").toString();
      String endpoint = "POST /api/ingest/runs";
      if (!app.endpoints().contains(endpoint)
          || !app.endpoints().contains("GET /api/ingest/runs/{id}")) {
        problems.add(where + ": the application no longer serves " + endpoint
            + " and GET /api/ingest/runs/{id}; endpoints: " + app.endpoints());
      }
      if (!script.contains("/api/ingest/runs")) {
        problems.add(where + ": must call " + endpoint);
      }
      for (String field : List.of("\\\"runId\\\"", "\\\"status\\\"", "RUNNING", "COMPLETED")) {
        if (!script.contains(field)) {
          problems.add(where + ": script must read " + field);
        }
      }
      checkServiceUrl(where, env.get("SERVICE_URL"), services, deployments);
      String source = env.get("INGEST_SOURCE");
      PipelineConfig pipeline = PipelineConfig.load(
          projectDir.resolve(app.defaultOf("groundwork.ingest.pipeline-file")));
      if (source == null || pipeline.source(source).isEmpty()) {
        problems.add(where + ": INGEST_SOURCE " + source + " is not a source of the pipeline");
      }
      checkIngestUser(where, secretRefs, secrets, deployments);
    }
  }

  private void checkServiceUrl(String where, String url, Map<String, Document> services,
      Map<String, Document> deployments) {
    Matcher matcher = Pattern.compile("http://([a-z0-9-]+)(?:\\.[a-z0-9.-]+)?(?::(\\d+))?/?")
        .matcher(url == null ? "" : url);
    if (!matcher.matches()) {
      problems.add(where + ": SERVICE_URL must be http://<service>[:port], got " + url);
      return;
    }
    Document service = services.get(matcher.group(1));
    if (service == null) {
      problems.add(where + ": SERVICE_URL host " + matcher.group(1) + " is not a Service");
      return;
    }
    int port = matcher.group(2) == null ? 80 : Integer.parseInt(matcher.group(2));
    boolean exposed = false;
    for (JsonNode servicePort : service.node().path("spec").path("ports")) {
      exposed |= servicePort.path("port").asInt() == port;
    }
    if (!exposed) {
      problems.add(where + ": " + service + " has no port " + port);
    }
  }

  /** The CronJob's user exists in the users file the Deployment mounts, with that password, as admin. */
  private void checkIngestUser(String where, Map<String, JsonNode> secretRefs,
      Map<String, Document> secrets, Map<String, Document> deployments) {
    JsonNode userRef = secretRefs.get("INGEST_USERNAME");
    JsonNode passwordRef = secretRefs.get("INGEST_PASSWORD");
    if (userRef == null || passwordRef == null) {
      problems.add(where + ": INGEST_USERNAME and INGEST_PASSWORD must come from a Secret");
      return;
    }
    Document userSecret = secrets.get(userRef.path("name").asText());
    Document passwordSecret = secrets.get(passwordRef.path("name").asText());
    if (userSecret == null || passwordSecret == null) {
      return; // reported by checkSecretKey
    }
    String user = secretValue(userSecret, userRef.path("key").asText());
    String password = secretValue(passwordSecret, passwordRef.path("key").asText());
    for (Document deployment : deployments.values()) {
      JsonNode pod = deployment.node().path("spec").path("template").path("spec");
      for (JsonNode volume : pod.path("volumes")) {
        String secretName = volume.path("secret").path("secretName").asText(null);
        Document secret = secretName == null ? null : secrets.get(secretName);
        String usersFile = secret == null ? null : secretValue(secret, "users.yaml");
        if (usersFile == null) {
          continue;
        }
        boolean admin;
        try {
          admin = user != null && password != null && signsInAsAdmin(usersFile, user, password);
        } catch (IllegalArgumentException e) {
          problems.add(secret + ": " + e.getMessage());
          return;
        }
        if (!admin) {
          problems.add(where + ": user " + user + " of the ingest credentials cannot sign in"
              + " with that password as a member of group " + Roles.ADMIN + " in " + secret);
        }
        return;
      }
    }
    problems.add(where + ": no Deployment mounts a users file (users.yaml) from a Secret");
  }

  /** PBKDF2 is slow on purpose; the tests check the same file many times. */
  private static final Map<List<String>, Boolean> SIGN_INS = new ConcurrentHashMap<>();

  private static boolean signsInAsAdmin(String usersFile, String user, String password) {
    List<String> key = List.of(usersFile, user, password);
    Boolean known = SIGN_INS.get(key);
    if (known != null) {
      return known;
    }
    UserDirectory users = UserDirectory.load(new ByteArrayInputStream(
        usersFile.getBytes(StandardCharsets.UTF_8)), "users.yaml");
    boolean admin = users.authenticate(user, password.toCharArray())
        .map(caller -> caller.inGroup(Roles.ADMIN)).orElse(false);
    SIGN_INS.put(key, admin);
    return admin;
  }

  private void checkCluster(Document cluster, Map<String, Document> secrets) {
    JsonNode spec = cluster.node().path("spec");
    if (spec.path("instances").asInt(0) < 1) {
      problems.add(cluster + ": needs instances >= 1");
    }
    if (spec.path("storage").path("size").asText().isBlank()) {
      problems.add(cluster + ": needs storage.size");
    }
    JsonNode initdb = spec.path("bootstrap").path("initdb");
    boolean vector = false;
    for (String field : List.of("postInitApplicationSQL", "postInitSQL", "postInitTemplateSQL")) {
      for (JsonNode statement : initdb.path(field)) {
        vector |= VECTOR_EXTENSION.matcher(statement.asText()).find();
      }
    }
    if (!vector) {
      problems.add(cluster + ": bootstrap.initdb must CREATE EXTENSION vector");
    }
    if (spec.path("imageName").asText().isBlank() && spec.path("imageCatalogRef").isMissingNode()) {
      problems.add(cluster + ": needs an imageName with pgvector");
    }
    String secretName = initdb.path("secret").path("name").asText();
    Document secret = secrets.get(secretName);
    if (secret == null) {
      problems.add(cluster + ": bootstrap.initdb.secret " + secretName + " does not exist");
    } else {
      if (!secret.node().path("type").asText().equals("kubernetes.io/basic-auth")) {
        problems.add(secret + ": must be of type kubernetes.io/basic-auth for CloudNativePG");
      }
      if (!initdb.path("owner").asText().equals(secretValue(secret, "username"))) {
        problems.add(cluster + ": owner " + initdb.path("owner").asText()
            + " differs from the username in " + secret);
      }
      if (secretValue(secret, "password") == null) {
        problems.add(secret + ": no password");
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Map<String, Document> byKind(List<Document> objects, String kind) {
    Map<String, Document> result = new LinkedHashMap<>();
    objects.stream().filter(o -> o.kind().equals(kind)).forEach(o -> result.put(o.name(), o));
    return result;
  }

  /** True when every label of {@code selector} is on {@code labels} with the same value. */
  private static boolean selects(JsonNode selector, JsonNode labels) {
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

  private static JsonNode podLabelsOfAny(Map<String, Document> deployments, JsonNode selector) {
    for (Document deployment : deployments.values()) {
      JsonNode labels = deployment.node().path("spec").path("template").path("metadata").path("labels");
      if (selects(selector, labels)) {
        return labels;
      }
    }
    return null;
  }

  private static String trimSlash(String path) {
    String result = path.startsWith("./") ? path.substring(2) : path;
    return result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
  }
}
