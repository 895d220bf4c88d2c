package io.groundwork.draft;

import io.groundwork.ingest.IngestionListener;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * The application of the drafting tests: the sample corpus (with the customer-safe patterns of
 * ingestion/pipeline.yaml) alone in a data directory of its own, and the demo users plus a
 * second agent, kim.
 */
public class DraftingProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("groundwork.data-dir", "target/test-data/drafting-" + UUID.randomUUID(),
        "groundwork.security.users-file", "src/test/resources/drafting/users.yaml");
  }

  /**
   * Ingests the sample corpus; a second call finds every file unchanged and costs little.
   * Returns the number of documents indexed or unchanged.
   */
  static synchronized int ingestSamples(IngestionService ingestion) {
    IngestionReport report = ingestion.runSource("samples", "test", IngestionListener.NONE);
    if (!report.failed().isEmpty()) {
      throw new IllegalStateException("sample corpus failed to ingest: " + report.failed());
    }
    return report.ingested() + report.unchanged();
  }
}
