package io.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerRegressionSpecTest {
  @TempDir
  Path dir;

  static AnswerEvaluation.Figures figures(int keyFacts, int leaks) {
    // 100 answerable questions; 20 refusals right, 5 wrong, 10 missed
    return new AnswerEvaluation.Figures(150, 100, 30, 20, keyFacts, 80, 20, 5, 10, leaks, 0, 0,
        100, 200);
  }

  @Test
  void ratesMayFallByTheToleranceAndLeaksNotAtAll() throws IOException {
    Path file = dir.resolve("r.yaml");
    Files.writeString(file, """
        name: dev set, extractive
        questions: devset/questions.yaml
        configuration:
          answerer: extractive
        expected:
          key-fact-rate: 0.70
          refusal-precision: 0.80
          leaks: 0
        tolerance: 0.02
        """);
    AnswerRegressionSpec spec = AnswerRegressionSpec.load(file);
    assertThat(spec.questions()).isEqualTo(dir.resolve("devset/questions.yaml"));
    assertThat(spec.answerer()).isEqualTo("extractive");

    List<AnswerRegressionSpec.Check> checks = spec.check(figures(68, 0));
    assertThat(checks).extracting(AnswerRegressionSpec.Check::metric)
        .containsExactly("key-fact-rate", "refusal-precision", "leaks");
    assertThat(checks).allMatch(AnswerRegressionSpec.Check::passed); // 0.68 >= 0.70 - 0.02
    assertThat(spec.check(figures(67, 0)).get(0).passed()).isFalse();
    AnswerRegressionSpec.Check leaks = spec.check(figures(70, 1)).get(2);
    assertThat(leaks.atMost()).isTrue();
    assertThat(leaks.tolerance()).isZero();
    assertThat(leaks.passed()).isFalse();
  }

  @Test
  void rejectsUnknownMetricsAndMissingQuestions() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "questions: q.yaml\nexpected:\n  ndcg@10: 0.5\n");
    assertThatThrownBy(() -> AnswerRegressionSpec.load(file)).hasMessage(
        "unknown metric 'ndcg@10'; known: [key-fact-rate, right-source-first, refusal-precision,"
            + " refusal-recall, leaks]");
    Files.writeString(file, "expected:\n  leaks: 0\n");
    assertThatThrownBy(() -> AnswerRegressionSpec.load(file))
        .hasMessage("an answer regression names its questions file");
    Files.writeString(file, "questions: q.yaml\nexpected:\n  leaks: 0\ntolerance: -1\n");
    assertThatThrownBy(() -> AnswerRegressionSpec.load(file))
        .hasMessage("tolerance must be >= 0, got -1.0");
  }
}
