package io.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.groundwork.answer.Answer;
import io.groundwork.answer.Citation;
import io.groundwork.core.Hashes;
import io.groundwork.eval.AnswerEvaluation.Kind;
import io.groundwork.eval.AnswerEvaluation.Outcome;
import io.groundwork.eval.DevSet.DevQuestion;
import io.groundwork.index.IndexedChunk;
import io.groundwork.qa.AskResult;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scoring of answers against a dev set, on answers built by hand: which question expects what
 * of whom, when a citation is a leak (by the source's access rules, whatever the index says),
 * and the figures.
 */
class AnswerEvaluationTest {
  static final String BANDS = "hr/confidential/salary-bands-2025.pdf";
  static final String LEAVE = "hr/leave-policy.md";

  final AnswerEvaluation evaluation = DevSetTest.evaluation();

  static DevQuestion question(String id, String user, List<String> documents, List<String> facts) {
    return new DevQuestion(id, "question " + id, user, documents, facts, List.of());
  }

  /** A chunk of {@code path} in source samples, indexed with {@code groups}. */
  static IndexedChunk chunk(String path, Set<String> groups) {
    String documentId = Hashes.documentId("samples", path);
    return new IndexedChunk(documentId + "-0", documentId, "samples", path, path, "", "text", 0,
        4, 0, groups);
  }

  static Citation cite(int number, IndexedChunk chunk) {
    return new Citation(number, chunk.documentId(), chunk.title(), chunk.path(), chunk.chunkId(),
        0, 4, 0, "text", "/d");
  }

  static AskResult result(String text, boolean refused, IndexedChunk... cited) {
    List<Citation> citations = new ArrayList<>();
    List<RetrievedChunk> retrieved = new ArrayList<>();
    for (IndexedChunk chunk : cited) {
      citations.add(cite(citations.size() + 1, chunk));
      retrieved.add(new RetrievedChunk(chunk, 1.0, 1, 1));
    }
    return new AskResult(new Answer(text, refused ? List.of() : citations, refused, "extractive",
        "v1"), 1, retrieved, Map.of(), null, List.of());
  }

  @Test
  void whatAQuestionExpectsDependsOnWhoAsks() {
    assertThat(evaluation.kind(question("a", "alice", List.of(BANDS), List.of("x"))))
        .isEqualTo(Kind.ANSWERABLE);
    assertThat(evaluation.kind(question("b", "bob", List.of(BANDS), List.of("x"))))
        .isEqualTo(Kind.FORBIDDEN);
    assertThat(evaluation.kind(question("c", "carol", List.of(BANDS, LEAVE), List.of("x"))))
        .isEqualTo(Kind.ANSWERABLE); // one readable document is enough
    assertThat(evaluation.kind(question("d", "bob", List.of(), List.of())))
        .isEqualTo(Kind.UNANSWERABLE);
  }

  @Test
  void aCitationOfAConfidentialDocumentIsALeakEvenWhenTheIndexSaysEveryoneMayReadIt() {
    Caller bob = DevSetTest.USERS.get("bob");
    // The index claims "everyone": the pipeline's rules say hr only. The rules win.
    IndexedChunk misfiled = chunk(BANDS, Set.of("everyone"));
    Outcome outcome = evaluation.score(question("q", "bob", List.of(BANDS), List.of("78,000")),
        bob, result("L5: GBP 78,000 to 96,000 [1]", false, misfiled), 12.0);
    assertThat(outcome.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(outcome.leaks()).containsExactly(BANDS);
    assertThat(outcome.retrievedLeaks()).isEqualTo(1);
    assertThat(outcome.right()).isFalse();

    Outcome alice = evaluation.score(question("q", "alice", List.of(BANDS), List.of("78,000")),
        DevSetTest.USERS.get("alice"), result("L5: GBP 78,000 to 96,000 [1]", false,
            chunk(BANDS, Set.of("hr"))), 12.0);
    assertThat(alice.leaks()).isEmpty();
    assertThat(alice.factFound()).isTrue();
    assertThat(alice.firstSourceRight()).isTrue();
    assertThat(alice.right()).isTrue();
  }

  @Test
  void aDocumentOfAnotherSourceIsJudgedByItsIndexedGroups() {
    String documentId = Hashes.documentId("uploads", "secret.md");
    IndexedChunk upload = new IndexedChunk(documentId + "-0", documentId, "uploads", "secret.md",
        "Secret", "", "text", 0, 4, 0, Set.of("finance"));
    Outcome outcome = evaluation.score(question("q", "bob", List.of(), List.of()),
        DevSetTest.USERS.get("bob"), result("text [1]", false, upload), 1.0);
    assertThat(outcome.leaks()).containsExactly("secret.md");
  }

  @Test
  void figuresCountKeyFactsSourcesRefusalsAndLatency() {
    Caller bob = DevSetTest.USERS.get("bob");
    IndexedChunk leave = chunk(LEAVE, Set.of("everyone"));
    IndexedChunk travel = chunk("hr/travel-policy.txt", Set.of("everyone"));
    List<Outcome> outcomes = List.of(
        // right fact from the right document
        evaluation.score(question("1", "bob", List.of(LEAVE), List.of("27 days")), bob,
            result("You get 27\u00a0Days of leave. [1]", false, leave), 10),
        // right document first, wrong sentence
        evaluation.score(question("2", "bob", List.of(LEAVE), List.of("31 March")), bob,
            result("Book leave in Peoplehub. [1]", false, leave), 20),
        // fact from another document cited first
        evaluation.score(question("3", "bob", List.of(LEAVE), List.of("five")), bob,
            result("five [1] [2]", false, travel, leave), 30),
        // an answerable question refused: a wrong refusal
        evaluation.score(question("4", "bob", List.of(LEAVE), List.of("x")), bob,
            result("The knowledge base does not answer this question.", true), 40),
        // nothing answers it and it is refused: right
        evaluation.score(question("5", "bob", List.of(), List.of()), bob,
            result("The knowledge base does not answer this question.", true), 50),
        // nothing answers it but it is answered: a missed refusal
        evaluation.score(question("6", "bob", List.of(), List.of()), bob,
            result("Something [1]", false, travel), 60),
        // forbidden and answered from a readable document: missed refusal, no leak
        evaluation.score(question("7", "bob", List.of(BANDS), List.of("x")), bob,
            result("Something [1]", false, leave), 70));
    AnswerEvaluation.Figures f = AnswerEvaluation.figures(outcomes);
    assertThat(f.questions()).isEqualTo(7);
    assertThat(f.answerable()).isEqualTo(4);
    assertThat(f.unanswerable()).isEqualTo(2);
    assertThat(f.forbidden()).isEqualTo(1);
    assertThat(f.keyFacts()).isEqualTo(2);
    assertThat(f.keyFactRate()).isEqualTo(0.5);
    assertThat(f.rightSourceFirst()).isEqualTo(2);
    assertThat(f.refusalsRight()).isEqualTo(1);
    assertThat(f.refusalsWrong()).isEqualTo(1);
    assertThat(f.refusalsMissed()).isEqualTo(2);
    assertThat(f.refusalPrecision()).isEqualTo(0.5);
    assertThat(f.refusalRecall()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(f.leaks()).isZero();
    assertThat(f.latencyP50Millis()).isEqualTo(40);
    assertThat(f.latencyP95Millis()).isEqualTo(70);
    assertThat(f.metric("refusal-recall")).isEqualTo(f.refusalRecall());
  }

  @Test
  void nothingRefusedMeansNoRefusalPrecisionToSpeakOf() {
    AnswerEvaluation.Figures none = AnswerEvaluation.figures(List.of());
    assertThat(none.refusalPrecision()).isZero();
    assertThat(none.refusalRecall()).isZero();
    assertThat(none.keyFactRate()).isZero();
    assertThat(none.latencyP95Millis()).isZero();
  }

  @Test
  void keyFactsAreMatchedWithoutCaseMarkersOrTypography() {
    assertThat(AnswerEvaluation.containsFact("Pay is 25\u2013Day [1] 5 of the month",
        List.of("25-day 5"))).isTrue();
    assertThat(AnswerEvaluation.containsFact("the manager\u2019s manager", List.of("manager's manager")))
        .isTrue();
    assertThat(AnswerEvaluation.containsFact("GBP 1,200", List.of("GBP 1,250", "1 200"))).isFalse();
    assertThat(AnswerEvaluation.containsFact(null, List.of("x"))).isFalse();
  }
}
