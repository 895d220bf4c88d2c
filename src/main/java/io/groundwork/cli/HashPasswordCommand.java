package io.groundwork.cli;

import io.groundwork.security.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints a password hash for a users file; reads the password from the terminal or stdin. */
@Command(name = "hash-password", description = "Hash a password for the users file.")
public class HashPasswordCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Console console = System.console();
    char[] password;
    if (console != null) {
      password = console.readPassword("password: ");
    } else {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
      password = line == null ? new char[0] : line.toCharArray();
    }
    if (password == null || password.length < 8) {
      spec.commandLine().getErr().println("groundwork: a password needs at least 8 characters");
      return 1;
    }
    spec.commandLine().getOut().println(new PasswordHasher().hash(password));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
