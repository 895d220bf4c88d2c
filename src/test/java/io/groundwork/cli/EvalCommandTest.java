package io.groundwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The checked-in regressions that CI runs, through the real command. */
@QuarkusMainTest
@Tag("slow")
class EvalCommandTest {
  private static final String TINY = "src/test/resources/eval/tiny/";

  @Test
  void tinyCorpusRegressionPassesAndReusesItsIndex(QuarkusMainLauncher launcher)
      throws IOException {
    Path dataDir = Files.createTempDirectory(Path.of("target"), "eval-");
    Path json = dataDir.resolve("figures.json");
    LaunchResult first = launcher.launch("eval", "--regression",
        "src/test/resources/eval/tiny-hybrid.yaml", "--data-dir", dataDir.toString(),
        "--json", json.toString());
    assertThat(first.exitCode()).as(first.getOutput() + first.getErrorOutput()).isZero();
    assertThat(first.getOutput()).contains("built now").contains("regression  ndcg@10    PASS");
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    assertThat(figures.get("queriesEvaluated").asInt()).isEqualTo(17);
    assertThat(figures.get("indexing").get("documents").asInt()).isEqualTo(36);

    // Same corpus and configuration: the index is reused; BM25 alone needs no new index.
    LaunchResult second = launcher.launch("eval", "--corpus", TINY + "corpus.jsonl",
        "--queries", TINY + "queries.jsonl", "--qrels", TINY + "qrels.tsv",
        "--data-dir", dataDir.toString(), "--mode", "bm25");
    assertThat(second.exitCode()).isZero();
    assertThat(second.getOutput()).contains("reused").contains("mode=bm25");
  }

  @Test
  void aRegressionExpectingMoreThanMeasuredFails(QuarkusMainLauncher launcher) throws IOException {
    Path dataDir = Files.createTempDirectory(Path.of("target"), "eval-");
    Path spec = dataDir.resolve("impossible.yaml");
    Path tiny = Path.of(TINY).toAbsolutePath();
    Files.writeString(spec, "corpus: " + tiny.resolve("corpus.jsonl") + "\nqueries: "
        + tiny.resolve("queries.jsonl") + "\nqrels: " + tiny.resolve("qrels.tsv")
        + "\nconfiguration:\n  mode: bm25\nexpected:\n  ndcg@10: 1.01\ntolerance: 0.0\n");
    LaunchResult result = launcher.launch("eval", "--regression", spec.toString(),
        "--data-dir", dataDir.toString());
    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.getOutput()).contains("regression  ndcg@10    FAIL");
  }

  @Test
  void badInputGetsAClearError(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("eval", "--corpus", "no/such/corpus.jsonl",
        "--queries", TINY + "queries.jsonl", "--qrels", TINY + "qrels.tsv");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput()).contains("no such file: no/such/corpus.jsonl");
  }
}
