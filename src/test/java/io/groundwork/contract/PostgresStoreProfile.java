package io.groundwork.contract;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the application in PostgreSQL store mode on a fresh schema. The HNSW candidate list is
 * made tiny so that only pgvector's iterative index scan can fill top-k under a selective filter.
 *
 * <p>Quarkus asks for these overrides while JUnit is still discovering tests, before
 * {@link RequiresPostgres} has decided whether they run; when PostgreSQL with pgvector is
 * unavailable the profile therefore asks for nothing (the embedded store), creates nothing, and
 * leaves skipping or failing to {@link RequiresPostgres}.
 */
public class PostgresStoreProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    if (PostgresTestDatabase.unavailableReason() != null) {
      return Map.of("groundwork.store", "embedded");
    }
    return Map.of(
        "groundwork.store", "postgres",
        "groundwork.db.url", PostgresTestDatabase.freshSchemaUrl("contract"),
        "groundwork.db.user", PostgresTestDatabase.user(),
        "groundwork.db.password", "",
        "groundwork.postgres.ef-search", "1",
        "groundwork.postgres.poll-interval", "1s");
  }
}
