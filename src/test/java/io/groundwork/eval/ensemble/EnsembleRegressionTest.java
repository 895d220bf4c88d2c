package io.groundwork.eval.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleRegressionTest {
  @TempDir
  Path dir;

  @Test
  void readsRowsResolvesPathsAndFailsARowBelowItsTolerance() throws IOException {
    Path file = dir.resolve("cv.yaml");
    Files.writeString(file, """
        name: cv
        corpus: data/corpus.jsonl
        queries: data/queries.jsonl
        qrels: data/qrels.tsv
        folds: 5
        seed: 7
        tolerance: 0.005
        rows:
          - sources: default
            chosen: "bm25(k1=1.2,b=0.75) + bge-small-en-v1.5-q weighted 1:1 max"
            ndcg@10: 0.7609
            spread: 0.0157
            chunks-per-second: 26.3
            query-p50-ms: 5.7
            query-p95-ms: 14.2
            rss-mb: 197
            files-mb: 35
          - sources: bm25
            chosen: "bm25(k1=0.9,b=0.5) max"
            ndcg@10: 0.6955
            spread: 0.0201
        """);
    EnsembleRegression spec = EnsembleRegression.load(file);
    assertThat(spec.corpus()).isEqualTo(dir.resolve("data/corpus.jsonl"));
    assertThat(spec.seed()).isEqualTo(7);
    assertThat(spec.rows()).extracting(EnsembleRegression.Row::sources)
        .containsExactly("default", "bm25");
    assertThat(spec.rows().get(0).filesMb()).isEqualTo(35);

    List<EnsembleRegression.Check> checks = spec.check(Map.of("default", 0.7560, "bm25", 0.7));
    assertThat(checks).extracting(EnsembleRegression.Check::passed).containsExactly(true, true);
    checks = spec.check(Map.of("default", 0.7558));
    assertThat(checks).extracting(EnsembleRegression.Check::passed).containsExactly(false, false);
  }

  @Test
  void aFileWithoutRowsIsRejected() throws IOException {
    Path file = dir.resolve("empty.yaml");
    Files.writeString(file, "corpus: c\nqueries: q\nqrels: r\nrows: []\n");
    assertThatThrownBy(() -> EnsembleRegression.load(file))
        .hasMessage("an ensemble regression expects at least one row");
  }
}
