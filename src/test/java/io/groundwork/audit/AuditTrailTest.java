package io.groundwork.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("app")
class AuditTrailTest {
  @Inject
  AuditTrail trail;

  @Inject
  EntityManager em;

  private long append(String question) {
    return trail.append(AuditEntries.answered(question));
  }

  @Test
  void chainDetectsAlteredRecords() {
    long first = append("How much leave?");
    long second = append("And for part-time staff?");
    assertThat(second).isEqualTo(first + 1);
    assertThat(trail.verify().intact()).isTrue();

    QuarkusTransaction.requiringNew().run(() -> em.find(AuditRecordEntity.class, first).answer =
        "It is 40 days. [1]");
    AuditVerification broken = trail.verify();
    assertThat(broken.intact()).isFalse();
    assertThat(broken.firstBrokenId()).isEqualTo(first);
    assertThat(broken.problem()).isEqualTo("record " + first + " content does not match its digest");

    QuarkusTransaction.requiringNew().run(() -> em.find(AuditRecordEntity.class, first).answer =
        "It is 27 days. [1]");
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void withoutASigningKeyTheTrailSaysItIsUnsigned() {
    append("Where is the Leeds office?");
    AuditVerification result = trail.verify();
    assertThat(result.intact()).isTrue();
    assertThat(result.signed()).isFalse();
    assertThat(result.note()).startsWith("unsigned: no signing key is configured");
  }

  @Test
  void administrativeActionsAreRecordsOfTheSameChain() {
    long id = trail.recordAction("erin", "ingestion.run-started",
        Map.of("runId", "r-1", "source", "samples"));
    AuditRecordEntity record = QuarkusTransaction.requiringNew().call(() ->
        em.find(AuditRecordEntity.class, id));
    assertThat(record.action).isEqualTo("ingestion.run-started");
    assertThat(record.details).isEqualTo("{\"runId\":\"r-1\",\"source\":\"samples\"}");
    assertThat(record.question).isNull();
    assertThat(record.hashVersion).isEqualTo(2);
    assertThat(trail.verify().intact()).isTrue();
    assertThatThrownBy(() -> trail.recordAction("erin", "Upload", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action must be a dotted lower-case name such as ingestion.upload, got Upload");
  }
}
