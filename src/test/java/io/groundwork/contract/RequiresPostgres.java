package io.groundwork.contract;

import io.groundwork.testing.TestPrerequisite;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL with pgvector is usable ({@link PostgresTestDatabase}).
 * When it is not, the class is skipped with one line saying what is missing and how to get it,
 * or, in CI ({@code CI} set to anything but {@code false}), fails with that line.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {
  /** The condition behind the annotation. */
  class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return TestPrerequisite.check(context, PostgresTestDatabase.unavailableReason());
    }
  }
}
