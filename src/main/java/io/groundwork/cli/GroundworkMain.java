package io.groundwork.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Entry point: runs the server when called without arguments, else the named command. */
@QuarkusMain
public class GroundworkMain implements QuarkusApplication {
  @Inject
  CommandLine.IFactory factory;

  public static void main(String... args) {
    boolean serve = args.length == 0 || args[0].equals("serve");
    if (!serve) {
      // A CLI command must not take the server's port, nor drown its output in start-up logs.
      System.setProperty("quarkus.http.host-enabled", "false");
      System.setProperty("quarkus.log.category.\"io.quarkus\".level", "WARN");
      System.setProperty("quarkus.log.category.\"io.groundwork\".level", "WARN");
    }
    Quarkus.run(GroundworkMain.class, args);
  }

  @Override
  public int run(String... args) {
    return new CommandLine(GroundworkCommand.class, factory)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args.length == 0 ? new String[] {"serve"} : args);
  }
}
