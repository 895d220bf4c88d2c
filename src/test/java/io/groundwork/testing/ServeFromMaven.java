package io.groundwork.testing;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import sun.misc.Signal;

/**
 * What {@code ./mvnw -Pserve} runs inside Maven's JVM (exec:java): starts the packaged
 * application as a child process with the given command line, in the directory named by the
 * system property {@code groundwork.serve.directory} (the project's), sharing the terminal, and
 * waits for it.
 *
 * <p>Contract: Ctrl-C (SIGINT to the process group) or SIGTERM to Maven asks the application to
 * stop (SIGTERM to the child, which then shuts down cleanly) and Maven ends with BUILD SUCCESS and
 * exit code 0. Without this, Maven's JVM would die of the signal at once (exit 130 or 143) and
 * leave the application running or report a failure. An application that exits with a non-zero
 * code on its own fails the build. The child is also stopped if Maven's JVM exits otherwise.
 */
public final class ServeFromMaven {
  private static volatile boolean stopRequested;

  private ServeFromMaven() {}

  /** {@code args}: the application's command line (java executable, options, jar, command). */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: ServeFromMaven <java> [options] -jar <jar> serve");
    }
    Process app = new ProcessBuilder(Arrays.asList(args)).inheritIO()
        .directory(new File(System.getProperty("groundwork.serve.directory", ".")))
        .start();
    for (String name : List.of("INT", "TERM")) {
      Signal.handle(new Signal(name), signal -> {
        stopRequested = true;
        app.destroy();
      });
    }
    Thread stopApp = new Thread(app::destroy, "serve-stop-application");
    Runtime.getRuntime().addShutdownHook(stopApp);
    int exit = app.waitFor();
    Runtime.getRuntime().removeShutdownHook(stopApp);
    // 0 is the application's clean stop; 130 and 143 are a JVM stopped by a signal before the
    // application set its exit code (e.g. during start-up): both are the stop that was asked for.
    boolean cleanStop = exit == 0 || stopRequested && (exit == 130 || exit == 143);
    if (!cleanStop) {
      throw new IllegalStateException("the application exited with " + exit);
    }
  }
}
