package io.groundwork.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as the integration tests
 * start it, after {@code package}: the JVM flags of the deployment, a port of its own, output to
 * a log file.
 */
public final class PackagedApp {
  /** The packaged application. */
  public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

  private PackagedApp() {}

  /**
   * {@code groundwork serve} on {@code port} with {@code env} added to the environment, standard
   * output and error appended to {@code log}; not started.
   */
  public static ProcessBuilder serve(int port, Map<String, String> env, Path log) {
    return serve(port, env, log, List.of("-Xmx768m"));
  }

  /** Like {@link #serve(int, Map, Path)}, with {@code jvmOptions} (heap settings) of its own. */
  public static ProcessBuilder serve(int port, Map<String, String> env, Path log,
      List<String> jvmOptions) {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString(), "serve"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return builder;
  }

  /** The command line of the CLI command {@code args}. */
  public static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** A port free at the time of the call. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
