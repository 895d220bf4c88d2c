package io.groundwork.contract;

import io.quarkus.test.junit.QuarkusTest;

/** The store contract against the embedded default (H2 and Lucene in the data directory). */
@QuarkusTest
class EmbeddedStoreContractTest extends StoreContractTest {}
