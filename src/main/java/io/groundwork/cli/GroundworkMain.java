package io.groundwork.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;
import picocli.CommandLine;
import sun.misc.Signal;

/** Entry point: runs the server when called without arguments, else the named command. */
@QuarkusMain
public class GroundworkMain implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(GroundworkMain.class);

  @Inject
  CommandLine.IFactory factory;

  public static void main(String... args) {
    if (!serves(args)) {
      // A CLI command must not take the server's port, nor drown its output in start-up logs.
      System.setProperty("quarkus.http.host-enabled", "false");
      System.setProperty("quarkus.log.category.\"io.quarkus\".level", "WARN");
      System.setProperty("quarkus.log.category.\"io.groundwork\".level", "WARN");
    }
    Quarkus.run(GroundworkMain.class, args);
  }

  @Override
  public int run(String... args) {
    if (serves(args)) {
      // Before the commands are built: building them loads the embedding model in native code,
      // and a JVM that exits meanwhile (the default reaction to a signal) crashes inside it.
      stopOnSignals();
    }
    return new CommandLine(GroundworkCommand.class, factory)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args.length == 0 ? new String[] {"serve"} : args);
  }

  /** True when {@code args} run the server: no command, or {@code serve}. */
  private static boolean serves(String... args) {
    return args.length == 0 || args[0].equals("serve");
  }

  /**
   * Turns INT and TERM into a requested exit: the main thread finishes what it is doing, leaves
   * {@link Quarkus#waitForExit}, the application stops in order and the process exits with 0.
   * Without this the JVM's own handler starts the shutdown hooks at once, even while the main
   * thread is still starting up, and the process exits with 130 or 143.
   */
  private static void stopOnSignals() {
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(new Signal(name), signal -> {
          LOG.infof("SIG%s received", name);
          Quarkus.asyncExit(0);
        });
      } catch (IllegalArgumentException ignoredOrReserved) {
        // Ignored by the parent (nohup) or reserved by the JVM: its default handling stays.
      }
    }
  }
}
