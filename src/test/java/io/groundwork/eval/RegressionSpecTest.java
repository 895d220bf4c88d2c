package io.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionSpecTest {
  @TempDir
  Path dir;

  @Test
  void resolvesDatasetPathsAgainstTheFileAndChecksEachMetricAgainstItsTolerance()
      throws IOException {
    Path file = dir.resolve("r.yaml");
    Files.writeString(file, """
        name: tiny
        corpus: data/corpus.jsonl
        queries: data/queries.jsonl
        qrels: /abs/qrels.tsv
        configuration:
          mode: bm25
        expected:
          ndcg@10: 0.80
          mrr@10: 0.70
        tolerance: 0.01
        """);
    RegressionSpec spec = RegressionSpec.load(file);
    assertThat(spec.corpus()).isEqualTo(dir.resolve("data/corpus.jsonl"));
    assertThat(spec.qrels()).isEqualTo(Path.of("/abs/qrels.tsv"));
    assertThat(spec.configuration()).containsEntry("mode", "bm25");

    List<RegressionSpec.Check> checks =
        spec.check(new Evaluation.Figures(10, 0.791, 0.9, 0.689, 1, 2));
    assertThat(checks).extracting(RegressionSpec.Check::metric).containsExactly("ndcg@10", "mrr@10");
    assertThat(checks.get(0).passed()).isTrue(); // 0.791 >= 0.80 - 0.01
    assertThat(checks.get(1).passed()).isFalse(); // 0.689 < 0.70 - 0.01
  }

  @Test
  void rejectsUnknownMetricsAndMissingDatasets() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        corpus: c.jsonl
        queries: q.jsonl
        qrels: r.tsv
        expected:
          map@1000: 0.5
        """);
    assertThatThrownBy(() -> RegressionSpec.load(file))
        .hasMessageContaining("unknown metric 'map@1000'");
    Files.writeString(file, "expected:\n  ndcg@10: 0.5\n");
    assertThatThrownBy(() -> RegressionSpec.load(file))
        .hasMessageContaining("names its corpus, queries and qrels");
  }
}
