package io.groundwork.draft;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.cli.EvalDraftsCommand;
import io.groundwork.ingest.IngestionService;
import io.groundwork.security.UserDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The checked-in drafting regression (ingestion/eval/drafting/regression.yaml): every ticket
 * drafted over the sample corpus, the figures at least the expected ones minus the tolerance,
 * no answer to an unanswerable ask, no citation of a document that is not customer-safe, no
 * personal data in an ask.
 */
@QuarkusTest
@TestProfile(DraftingProfile.class)
@Tag("slow")
class DraftsRegressionTest {
  private static final Logger LOG = Logger.getLogger(DraftsRegressionTest.class);
  private static final Path REGRESSION = Path.of("ingestion/eval/drafting/regression.yaml");

  @Inject
  IngestionService ingestion;

  @Inject
  Drafting drafting;

  @Inject
  CustomerSafeScope scope;

  @Inject
  UserDirectory users;

  @Test
  void theTicketsScoreAtLeastTheCheckedInFigures() {
    DraftingProfile.ingestSamples(ingestion);
    DraftRegression regression = DraftRegression.load(REGRESSION);
    TicketSet tickets = TicketSet.load(REGRESSION.getParent().resolve(regression.tickets()));
    DraftEvaluation.Result result = EvalDraftsCommand.run(drafting, scope,
        users.find(regression.user()).orElseThrow(), tickets, null);
    LOG.infof("drafting regression: %s %s", result.figures(), result.counts());
    result.misses().forEach(miss -> LOG.info("  " + miss));
    assertThat(regression.failures(result)).isEmpty();
  }
}
