package io.groundwork.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(broken.problem()).isEqualTo("content does not match its hash");

    QuarkusTransaction.requiringNew().run(() -> em.find(AuditRecordEntity.class, first).answer =
        "It is 27 days. [1]");
    assertThat(trail.verify().intact()).isTrue();
  }
}
