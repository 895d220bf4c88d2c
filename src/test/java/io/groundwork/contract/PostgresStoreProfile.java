package io.groundwork.contract;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the application in PostgreSQL store mode on a fresh schema. The HNSW candidate list is
 * made tiny so that only pgvector's iterative index scan can fill top-k under a selective filter.
 */
public class PostgresStoreProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "groundwork.store", "postgres",
        "groundwork.db.url", PostgresTestDatabase.freshSchemaUrl("contract"),
        "groundwork.db.user", PostgresTestDatabase.user(),
        "groundwork.db.password", "",
        "groundwork.postgres.ef-search", "1",
        "groundwork.postgres.poll-interval", "1s");
  }
}
