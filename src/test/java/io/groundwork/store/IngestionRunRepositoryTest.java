package io.groundwork.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("app")
class IngestionRunRepositoryTest {
  @Inject
  IngestionRunRepository runs;

  private static IngestionRunEntity run(OffsetDateTime startedAt) {
    IngestionRunEntity run = new IngestionRunEntity();
    run.id = UUID.randomUUID().toString();
    run.sourceName = "repo-runs";
    run.startedBy = "test";
    run.status = IngestionRunEntity.Status.RUNNING.name();
    run.startedAt = startedAt;
    return run;
  }

  private static IngestionFailureEntity failure(String runId, String path) {
    IngestionFailureEntity failure = new IngestionFailureEntity();
    failure.runId = runId;
    failure.path = path;
    failure.reason = "file is empty";
    failure.failedAt = OffsetDateTime.now();
    return failure;
  }

  @Test
  void aRunIsStoredWithItsFailuresInTheOrderTheyFailed() {
    IngestionRunEntity run = run(OffsetDateTime.now());
    QuarkusTransaction.requiringNew().run(() -> {
      runs.add(run);
      runs.addFailure(failure(run.id, "z.txt"));
      runs.addFailure(failure(run.id, "a.txt"));
    });
    QuarkusTransaction.requiringNew().run(() -> runs.get(run.id).filesDone = 2);

    QuarkusTransaction.requiringNew().run(() -> {
      assertThat(runs.find(run.id).filesDone).isEqualTo(2);
      assertThat(runs.failures(run.id)).extracting(f -> f.path).containsExactly("z.txt", "a.txt");
    });
  }

  @Test
  void recentRunsAreNewestFirstAndLimited() {
    OffsetDateTime now = OffsetDateTime.now();
    IngestionRunEntity older = run(now.minusMinutes(2));
    IngestionRunEntity newer = run(now.minusMinutes(1));
    QuarkusTransaction.requiringNew().run(() -> {
      runs.add(older);
      runs.add(newer);
    });
    assertThat(QuarkusTransaction.requiringNew().call(() -> runs.recent(10_000)))
        .extracting(r -> r.id).filteredOn(id -> id.equals(older.id) || id.equals(newer.id))
        .containsExactly(newer.id, older.id);
    assertThat(QuarkusTransaction.requiringNew().call(() -> runs.recent(1))).hasSize(1);
  }

  @Test
  void aMissingRunIsNullOrAnError() {
    String id = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew().run(() -> {
      assertThat(runs.find(id)).isNull();
      assertThatThrownBy(() -> runs.get(id)).isInstanceOf(IllegalStateException.class)
          .hasMessage("ingestion run " + id + " does not exist");
    });
  }
}
