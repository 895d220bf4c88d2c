package io.groundwork.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.postgres.ReplicaSync;
import io.groundwork.store.ActiveStore;
import io.groundwork.store.StoreMode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store contract against PostgreSQL with pgvector (a fresh schema of the run's test
 * database): vector search in PostgreSQL, BM25 from the local index fed by the change feed.
 */
@QuarkusTest
@Tag("app")
@TestProfile(PostgresStoreProfile.class)
@RequiresPostgres
class PostgresStoreContractTest extends StoreContractTest {
  @Inject
  ActiveStore store;

  @Inject
  ReplicaSync replica;

  @Test
  void runsInPostgresModeFollowingTheChangeFeed() {
    assertThat(store.mode()).isEqualTo(StoreMode.POSTGRES);
    assertThat(replica.following()).isTrue();
  }
}
