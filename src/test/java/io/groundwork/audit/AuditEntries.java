package io.groundwork.audit;

import io.groundwork.answer.Answer;
import io.groundwork.answer.Citation;
import io.groundwork.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Audit entries for tests: one answered question with one citation. */
final class AuditEntries {
  private AuditEntries() {}

  static AuditEntry answered(String question) {
    Answer answer = new Answer("It is 27 days. [1]", List.of(new Citation(1, "doc", "Leave",
        "hr/leave.md", "doc-0-x", 10, 30, 0, "It is 27 days.", "/view.html?doc=doc")), false,
        "extractive", "v1");
    return new AuditEntry(new Caller("ann", Set.of("hr")), question, Map.of("topK", 8),
        List.of(new AuditEntry.RetrievedRef("doc-0-x", "doc", "hr/leave.md", 0.03, 1, 2)),
        answer, Map.of("retrieve", 12.5));
  }
}
