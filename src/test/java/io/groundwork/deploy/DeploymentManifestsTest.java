package io.groundwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.deploy.DeploymentArtifacts.Document;
import io.groundwork.ingest.IngestConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, docker-compose.yml and k8s/ manifests, checked statically (there is no
 * container engine in CI) against each other and against what the application reads and serves;
 * see {@link DeploymentChecker}. The second half breaks the files on purpose and expects the
 * checker to say so, so that the checks cannot pass vacuously.
 */
class DeploymentManifestsTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static AppConfiguration app;
  private static DeploymentArtifacts artifacts;

  @BeforeAll
  static void load() {
    app = AppConfiguration.of(PROJECT, AppConfiguration.compiledClassesOf(IngestConfig.class));
    artifacts = DeploymentArtifacts.load(PROJECT);
  }

  private static List<String> problems(DeploymentArtifacts changed) {
    return DeploymentChecker.check(changed, app, PROJECT);
  }

  @Test
  void theDeploymentFilesAreConsistentWithTheApplication() {
    assertThat(problems(artifacts)).isEmpty();
  }

  @Test
  void everyYamlFileParsesAndEveryObjectHasApiVersionKindAndName() {
    List<String> files = artifacts.kubernetesFiles();
    assertThat(files).contains("k8s/kustomization.yaml", "k8s/deployment.yaml");
    int objects = 0;
    for (String file : files) {
      for (Document document : artifacts.documents(file)) {
        assertThat(document.node().path("apiVersion").asText()).as(document.toString()).isNotBlank();
        assertThat(document.kind()).as(document.toString()).isNotBlank();
        if (!document.kind().equals("Kustomization")) {
          assertThat(document.name()).as(document.toString()).isNotBlank();
          objects++;
        }
      }
    }
    assertThat(objects).isGreaterThanOrEqualTo(10);
    assertThat(artifacts.single(DeploymentArtifacts.COMPOSE).path("services").properties())
        .extracting(java.util.Map.Entry::getKey).contains("app", "postgres", "ollama");
  }

  @Test
  void theConfigurationScanFindsWhatTheApplicationReads() {
    assertThat(app.properties()).contains("groundwork.data-dir", "groundwork.ingest.pipeline-file",
        "groundwork.ingest.auto-ingest-samples", "groundwork.security.users-file",
        "groundwork.retrieval.top-k", "groundwork.answer.prompts-dir", "quarkus.http.port");
    assertThat(app.readsEnvironmentVariable("GROUNDWORK_INGEST_PIPELINE_FILE")).isTrue();
    assertThat(app.readsEnvironmentVariable("GROUNDWORK_SECURITY_USERS_FILE")).isTrue();
    assertThat(app.readsEnvironmentVariable("GROUNDWORK_DATA_DIRECTORY")).isFalse();
    assertThat(app.defaultOf("groundwork.ingest.pipeline-file")).isEqualTo("ingestion/pipeline.yaml");
    assertThat(app.healthPath("ready")).isEqualTo("/q/health/ready");
    assertThat(app.healthPath("live")).isEqualTo("/q/health/live");
    assertThat(app.metricsPath()).isEqualTo("/q/metrics");
    assertThat(app.endpoints()).contains("POST /api/ingest/runs", "GET /api/ingest/runs/{id}",
        "POST /api/ask");
    assertThat(AppConfiguration.environmentName("groundwork.ingest.auto-ingest-samples"))
        .isEqualTo("GROUNDWORK_INGEST_AUTO_INGEST_SAMPLES");
  }

  @Test
  void anEnvironmentVariableTheApplicationDoesNotReadIsReported() {
    assertThat(problems(artifacts.replace("k8s/configmap.yaml",
        "GROUNDWORK_INGEST_AUTO_INGEST_SAMPLES:", "GROUNDWORK_INGEST_AUTO_INGEST:")))
        .anyMatch(p -> p.contains("GROUNDWORK_INGEST_AUTO_INGEST is not a setting"));
    assertThat(problems(artifacts.replace(DeploymentArtifacts.COMPOSE,
        "GROUNDWORK_DATA_DIR:", "GROUNDWORK_DATA_DIRECTORY:")))
        .anyMatch(p -> p.contains("GROUNDWORK_DATA_DIRECTORY is not a setting"));
    assertThat(problems(artifacts.replace(DeploymentArtifacts.DOCKERFILE,
        "ENV GROUNDWORK_DATA_DIR=", "ENV GROUNDWORK_DATADIR=")))
        .anyMatch(p -> p.contains("GROUNDWORK_DATADIR is not a setting"));
  }

  @Test
  void contractNamesOfOtherBranchesAreOnlyAcceptedUntilTheApplicationReadsTheirPrefix() {
    // GROUNDWORK_DB_URL etc. are accepted while nothing under groundwork.db is read; a name outside
    // the contract never is.
    boolean dbImplemented = app.readsUnder("groundwork.db");
    assertThat(problems(artifacts.replace("k8s/configmap.yaml", "GROUNDWORK_DB_URL:",
        "GROUNDWORK_DB_JDBC_URL:")))
        .anyMatch(p -> p.contains("GROUNDWORK_DB_JDBC_URL is not a setting"));
    if (dbImplemented) {
      assertThat(app.readsEnvironmentVariable("GROUNDWORK_DB_URL")).isTrue();
    }
  }

  @Test
  void wrongProbesPortsAndSelectorsAreReported() {
    assertThat(problems(artifacts.replace("k8s/deployment.yaml", "path: /q/health/ready",
        "path: /q/health/readiness")))
        .anyMatch(p -> p.contains("readinessProbe checks /q/health/readiness"));
    assertThat(problems(artifacts.replace("k8s/deployment.yaml", "containerPort: 8080",
        "containerPort: 8081")))
        .anyMatch(p -> p.contains("no containerPort 8080"));
    assertThat(problems(artifacts.replace("k8s/service.yaml", "targetPort: http",
        "targetPort: web")))
        .anyMatch(p -> p.contains("targetPort web"));
    assertThat(problems(artifacts.replace("k8s/pdb.yaml", "app.kubernetes.io/component: query",
        "app.kubernetes.io/component: api")))
        .anyMatch(p -> p.contains("PodDisruptionBudget groundwork") && p.contains("selector"));
    assertThat(problems(artifacts.replace("k8s/hpa.yaml", "name: groundwork\n  minReplicas",
        "name: groundwork-api\n  minReplicas")))
        .anyMatch(p -> p.contains("scaleTargetRef"));
    assertThat(problems(artifacts.replace(DeploymentArtifacts.COMPOSE,
        "http://localhost:8080/q/health/ready", "http://localhost:8080/health")))
        .anyMatch(p -> p.contains("checks /health"));
  }

  @Test
  void theImageMustExposeTheHttpPortAndStartTheFastJarWithTheVectorModule() {
    assertThat(problems(artifacts.replace(DeploymentArtifacts.DOCKERFILE, "EXPOSE 8080",
        "EXPOSE 9090")))
        .anyMatch(p -> p.contains("EXPOSE [9090] must be the HTTP port 8080"));
    assertThat(problems(artifacts.replace(DeploymentArtifacts.DOCKERFILE,
        "\"--add-modules\", \"jdk.incubator.vector\", ", "")))
        .anyMatch(p -> p.contains("lacks the JVM flag"));
    assertThat(problems(artifacts.replace(DeploymentArtifacts.DOCKERFILE, "COPY prompts/ /app/prompts/",
        "COPY prompts/ /app/templates/")))
        .anyMatch(p -> p.contains("prompts") && p.contains("is not copied into the image"));
    assertThat(problems(artifacts.replace(DeploymentArtifacts.DOCKERIGNORE, "target/",
        "target/\ningestion/")))
        .anyMatch(p -> p.contains("excludes ingestion/"));
  }

  @Test
  void theDatabaseAndIngestionWiringIsChecked() {
    assertThat(problems(artifacts.replace("k8s/configmap.yaml", "groundwork-db-rw", "groundwork-pg-rw")))
        .anyMatch(p -> p.contains("is not the read-write service"));
    assertThat(problems(artifacts.replace("k8s/postgres-cluster.yaml",
        "CREATE EXTENSION IF NOT EXISTS vector", "SELECT 1")))
        .anyMatch(p -> p.contains("CREATE EXTENSION vector"));
    assertThat(problems(artifacts.replace("k8s/secrets.yaml", "password: CHANGE-ME-ingest-password",
        "password: wrong-password")))
        .anyMatch(p -> p.contains("cannot sign in"));
    assertThat(problems(artifacts.replace("k8s/ingest-cronjob.yaml", "value: samples",
        "value: wiki")))
        .anyMatch(p -> p.contains("INGEST_SOURCE wiki is not a source"));
    assertThat(problems(artifacts.replace(DeploymentArtifacts.COMPOSE,
        "condition: service_healthy", "condition: service_started")))
        .anyMatch(p -> p.contains("service_healthy"));
    assertThat(problems(artifacts.replace(DeploymentArtifacts.COMPOSE,
        "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?", "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-secret}${X:?")))
        .anyMatch(p -> p.contains("POSTGRES_PASSWORD must come from the environment"));
  }

  @Test
  void everyManifestFileMustBeListedInTheKustomization() {
    assertThat(problems(artifacts.replace("k8s/kustomization.yaml", "  - pdb.yaml\n", "")))
        .anyMatch(p -> p.contains("does not list k8s/pdb.yaml"));
  }
}
