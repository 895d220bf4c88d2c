package io.groundwork.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.groundwork.deploy.DeploymentArtifacts.Document;
import io.groundwork.deploy.DockerfileChecks.Dockerfile;
import io.groundwork.ingest.PipelineConfig;
import io.groundwork.security.Roles;
import io.groundwork.security.UserDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The manifests under k8s/ (see {@link DeploymentChecker} for what is checked). */
final class KubernetesChecks extends DeploymentChecks {
  KubernetesChecks(AppConfiguration app, Path projectDir, List<String> problems) {
    super(app, projectDir, problems);
  }

  void check(DeploymentArtifacts artifacts, Dockerfile docker) {
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
              + " with that password with role " + Roles.ADMIN + " in " + secret);
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
        .map(caller -> caller.hasRole(Roles.ADMIN)).orElse(false);
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

}
