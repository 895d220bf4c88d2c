package io.groundwork.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** The store contract against the embedded default (H2 and Lucene in the data directory). */
@QuarkusTest
@Tag("app")
@TestProfile(EmbeddedStoreProfile.class)
class EmbeddedStoreContractTest extends StoreContractTest {}
