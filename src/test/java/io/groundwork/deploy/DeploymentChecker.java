package io.groundwork.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
  private DeploymentChecker() {}

  /** Every problem in {@code artifacts}, in a stable order. */
  static List<String> check(DeploymentArtifacts artifacts, AppConfiguration app, Path projectDir) {
    List<String> problems = new ArrayList<>();
    for (String required : List.of(DeploymentArtifacts.DOCKERFILE, DeploymentArtifacts.DOCKERIGNORE,
        DeploymentArtifacts.COMPOSE, DeploymentArtifacts.K8S + "/kustomization.yaml")) {
      if (!artifacts.has(required)) {
        problems.add(required + ": missing");
      }
    }
    if (!problems.isEmpty()) {
      return List.copyOf(problems);
    }
    DockerfileChecks.Dockerfile docker =
        new DockerfileChecks(app, projectDir, problems).check(artifacts);
    new ComposeChecks(app, projectDir, problems).check(artifacts);
    new KubernetesChecks(app, projectDir, problems).check(artifacts, docker);
    return List.copyOf(problems);
  }
}
