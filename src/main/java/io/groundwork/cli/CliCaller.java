package io.groundwork.cli;

import io.groundwork.security.Caller;
import io.groundwork.security.UserDirectory;
import java.util.Set;

/** Who a CLI command acts as: a named built-in user, or the public-only operator. */
final class CliCaller {
  /** Name recorded for CLI questions asked without {@code --user}. */
  static final String OPERATOR = "cli";

  private CliCaller() {}

  static Caller resolve(String user, UserDirectory users) {
    if (user == null) {
      return new Caller(OPERATOR, Set.of());
    }
    return users.find(user).orElseThrow(() -> new IllegalArgumentException(
        "unknown user '" + user + "'; known users: " + String.join(", ", users.names())));
  }
}
