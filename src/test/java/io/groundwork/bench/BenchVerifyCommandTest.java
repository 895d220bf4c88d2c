package io.groundwork.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code bench-verify} on the small hand-made fixture (the real figures come from SciFact). */
@QuarkusMainTest
@Tag("slow")
class BenchVerifyCommandTest {
  private static final String[] FIXTURE = {"bench-verify",
      "--rationales", "src/test/resources/verify/rationales.jsonl",
      "--corpus", "src/test/resources/verify/corpus.jsonl"};

  private static String[] with(String... more) {
    String[] args = java.util.Arrays.copyOf(FIXTURE, FIXTURE.length + more.length);
    System.arraycopy(more, 0, args, FIXTURE.length, more.length);
    return args;
  }

  @Test
  void printsTheSeparationFiguresAndChecksTheExpectedAuc(QuarkusMainLauncher launcher) {
    LaunchResult ok = launcher.launch(with("--expect-auc", "1.0", "--tolerance", "0.05"));
    assertThat(ok.exitCode()).as(ok.getOutput() + ok.getErrorOutput()).isZero();
    assertThat(ok.getOutput())
        .contains("claims 6, supported pairs 5, unsupported pairs 15, contradicting pairs 1")
        .containsPattern("ROC AUC  support 0\\.9[5-9]\\d\\d|ROC AUC  support 1\\.0000")
        .contains("at threshold 0.50: precision")
        .contains("regression: expected ROC AUC 1.0000 +/- 0.0500")
        .contains(": OK");

    LaunchResult failed = launcher.launch(with("--expect-auc", "0.5", "--tolerance", "0.01"));
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.getOutput()).contains(": FAILED");
  }

  @Test
  void aMissingFileIsAClearError(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("bench-verify", "--rationales", "nope.jsonl",
        "--corpus", "src/test/resources/verify/corpus.jsonl");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput()).contains("cannot read nope.jsonl");
  }
}
