package io.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {
  @TempDir
  Path dir;

  @Test
  void loadsTheTinyCorpusAndCountsOnlyQueriesWithRelevantDocuments() {
    Path tiny = Path.of("src/test/resources/eval/tiny");
    BeirDataset dataset = BeirDataset.load(tiny.resolve("corpus.jsonl"),
        tiny.resolve("queries.jsonl"), tiny.resolve("qrels.tsv"));
    assertThat(dataset.corpus()).hasSize(36);
    assertThat(dataset.queries()).hasSize(17);
    assertThat(dataset.judgedQueries()).hasSize(17);
    assertThat(dataset.qrels().get("q11")).containsEntry("d19", 2).containsEntry("d21", 1);
  }

  @Test
  void malformedLinesAreReportedWithFileAndLine() throws IOException {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, "{\"_id\": \"a\", \"title\": \"t\", \"text\": \"x\"}\n{not json\n");
    assertThatThrownBy(() -> BeirDataset.readCorpus(corpus))
        .hasMessageContaining("corpus.jsonl:2: not JSON");
    Path qrels = dir.resolve("qrels.tsv");
    Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq1\ta\tone\n");
    assertThatThrownBy(() -> BeirDataset.readQrels(qrels))
        .hasMessageContaining("qrels.tsv:2: score 'one' is not an integer");
    Files.writeString(qrels, "q1\ta\t1\nq1\tb\t0\n");
    assertThat(BeirDataset.readQrels(qrels).get("q1")).containsEntry("a", 1).containsEntry("b", 0);
  }
}
