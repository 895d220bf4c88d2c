package io.groundwork.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The rule for tests that need something outside the build (a database, a browser): when it is
 * there they run; when it is missing they are skipped with one line saying what is missing and
 * how to get it, except in CI ({@code CI} set to anything but {@code false}), where they fail
 * with that line, so that CI cannot pass by silently skipping them.
 */
public final class TestPrerequisite {
  private TestPrerequisite() {}

  /** True in CI ({@code CI} set to anything but {@code false}): prerequisites must be there. */
  public static boolean required() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  /**
   * The execution condition for a prerequisite.
   *
   * @param missing null when the prerequisite is there, else one line: what is missing and how
   *     to get it
   * @throws IllegalStateException with {@code missing} in CI, which fails the test class
   */
  public static ConditionEvaluationResult check(ExtensionContext context, String missing) {
    if (missing == null) {
      return ConditionEvaluationResult.enabled("prerequisite available");
    }
    if (required()) {
      throw new IllegalStateException("CI requires it: " + missing);
    }
    if (context.getTestMethod().isEmpty()) {
      // Printed once per skipped class: surefire does not show skip reasons on the console.
      System.err.println("[SKIPPED] " + context.getDisplayName() + ": " + missing);
    }
    return ConditionEvaluationResult.disabled(missing);
  }
}
