package io.groundwork.audit;

import io.groundwork.contract.RequiresPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** The signed trail in PostgreSQL store mode (needs pgvector, like the store contract). */
@QuarkusTest
@Tag("app")
@TestProfile(SignedTrailProfiles.Postgres.class)
@RequiresPostgres
class PostgresSignedTrailTest extends SignedTrailContract {}
