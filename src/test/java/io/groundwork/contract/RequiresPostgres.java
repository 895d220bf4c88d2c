package io.groundwork.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL with pgvector is reachable, except in CI ({@code CI}
 * set), where it always runs and so fails with the reason when PostgreSQL is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {
  /** The condition behind the annotation. */
  class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (PostgresTestDatabase.required()) {
        return ConditionEvaluationResult.enabled("CI: PostgreSQL is required");
      }
      String reason = PostgresTestDatabase.unavailableReason();
      return reason == null ? ConditionEvaluationResult.enabled("PostgreSQL is available")
          : ConditionEvaluationResult.disabled("PostgreSQL unavailable (set CI to fail instead): " + reason);
    }
  }
}
