package io.groundwork.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak for the single sign-on tests: the distribution
 * ({@code org.keycloak:keycloak-quarkus-dist}) that the build unpacks into {@code target/keycloak}
 * (maven-dependency-plugin, from Maven Central), started in development mode on 127.0.0.1 with
 * ports of its own, an in-memory database and the realms given, and run by the JDK that runs the
 * tests (Keycloak needs 21+). The first start of a fresh copy builds Keycloak (about two minutes
 * on a loaded machine); later starts of the same copy reuse that build. {@link #close} ends the
 * process and every process it started.
 */
public final class KeycloakServer implements AutoCloseable {
  /** Where the build unpacks it: the system property {@code keycloak.home} (set by pom.xml). */
  public static final Path HOME = Path.of(System.getProperty("keycloak.home",
      "target/keycloak/unset-keycloak.home")).toAbsolutePath();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

  private final Process process;
  private final int port;
  private final Path log;

  private KeycloakServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Null when the distribution is unpacked, else what is missing and how to get it. */
  public static String missing() {
    return Files.isExecutable(HOME.resolve("bin/kc.sh")) ? null
        : "Keycloak is not unpacked at " + HOME
            + ": run the build (./mvnw verify), which unpacks it into target/keycloak";
  }

  /**
   * Starts Keycloak with {@code realms} (file name to realm JSON) imported, and waits until the
   * realm {@code readyRealm} serves its OpenID configuration.
   *
   * @throws IllegalStateException when it does not get ready within the timeout, with its log
   */
  public static KeycloakServer start(Map<String, String> realms, String readyRealm)
      throws IOException {
    String missing = missing();
    if (missing != null) {
      throw new IllegalStateException(missing);
    }
    Path imports = HOME.resolve("data/import");
    Files.createDirectories(imports);
    try (var old = Files.list(imports)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    for (Map.Entry<String, String> realm : realms.entrySet()) {
      Files.writeString(imports.resolve(realm.getKey()), realm.getValue());
    }
    int port = PackagedApp.freePort();
    int managementPort = PackagedApp.freePort();
    Path log = HOME.resolve("data/keycloak-test.log");
    List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/kc.sh").toString(),
        "start-dev", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
        "--http-management-port=" + managementPort, "--import-realm"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    KeycloakServer server = new KeycloakServer(builder.start(), port, log);
    try {
      HttpClient http = HttpClient.newHttpClient();
      URI ready = URI.create(server.issuer(readyRealm) + "/.well-known/openid-configuration");
      await("Keycloak ready at " + ready + " (log " + log + ")").atMost(START_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
          .until(() -> {
            if (!server.process.isAlive()) {
              throw new IllegalStateException("Keycloak exited: " + server.logTail());
            }
            return http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          });
    } catch (RuntimeException e) {
      server.close();
      throw new IllegalStateException("Keycloak did not start: " + server.logTail(), e);
    }
    return server;
  }

  /** A realm file from the test resources, with {@code ${NAME}} placeholders replaced. */
  public static String realm(String resource, Map<String, String> values) {
    try (InputStream in = KeycloakServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> value : values.entrySet()) {
        text = text.replace("${" + value.getKey() + "}", value.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** The issuer URL of {@code realm}. */
  public String issuer(String realm) {
    return "http://127.0.0.1:" + port + "/realms/" + realm;
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log).stream()
          .filter(line -> !line.startsWith("WARNING:")).toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  /** Ends Keycloak and every process it started (kc.sh runs a JVM), and waits for them. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
  }
}
