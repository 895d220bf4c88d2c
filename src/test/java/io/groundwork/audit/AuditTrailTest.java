package io.groundwork.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundwork.answer.Answer;
import io.groundwork.answer.Citation;
import io.groundwork.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {
  @Inject
  AuditTrail trail;

  @Inject
  EntityManager em;

  private long append(String question) {
    Answer answer = new Answer("It is 27 days. [1]", List.of(new Citation(1, "doc", "Leave",
        "hr/leave.md", "doc-0-x", 10, 30, 0, "It is 27 days.", "/view.html?doc=doc")), false,
        "extractive", "v1");
    return trail.append(new AuditEntry(new Caller("ann", Set.of("hr")), question,
        Map.of("topK", 8), List.of(new AuditEntry.RetrievedRef("doc-0-x", "doc", "hr/leave.md",
        0.03, 1, 2)), answer, Map.of("retrieve", 12.5)));
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
