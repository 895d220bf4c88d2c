package io.groundwork.contract;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded default in a data directory of its own, so that the contract tests' documents do
 * not leak into other tests' searches (and theirs not into these).
 */
public class EmbeddedStoreProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("groundwork.store", "embedded",
        "groundwork.data-dir", "target/test-data/contract-embedded-" + UUID.randomUUID());
  }
}
