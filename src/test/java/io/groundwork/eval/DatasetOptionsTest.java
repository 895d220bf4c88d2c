package io.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundwork.store.DataDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class DatasetOptionsTest {
  private static final String TINY = "src/test/resources/eval/tiny/";

  @Command(name = "test")
  static class Mixee {
    @Mixin
    DatasetOptions dataset;
  }

  private static DatasetOptions parse(String... args) {
    Mixee mixee = new Mixee();
    new CommandLine(mixee).parseArgs(args);
    return mixee.dataset;
  }

  @Test
  void loadsTheNamedFiles() {
    DatasetOptions options = parse("--corpus", TINY + "corpus.jsonl", "--queries",
        TINY + "queries.jsonl", "--qrels", TINY + "qrels.tsv");
    assertThat(options.complete()).isTrue();
    assertThat(options.load().corpus()).hasSize(36);
  }

  @Test
  void filesGivenOnTheCommandLineWinOverDefaults() {
    DatasetOptions options = parse("--corpus", "mine.jsonl");
    assertThat(options.complete()).isFalse();
    options.defaultFiles(Path.of("theirs.jsonl"), Path.of("q.jsonl"), Path.of("qrels.tsv"));
    assertThat(options.corpus()).isEqualTo(Path.of("mine.jsonl"));
    assertThat(options.queries()).isEqualTo(Path.of("q.jsonl"));
    assertThat(options.qrels()).isEqualTo(Path.of("qrels.tsv"));
    assertThat(options.complete()).isTrue();
  }

  @Test
  void missingOrAbsentFilesAreClearErrors() {
    assertThatThrownBy(() -> parse("--corpus", "c.jsonl").load())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("give --corpus, --queries and --qrels, or --regression");
    assertThatThrownBy(() -> parse("--corpus", "no/such/corpus.jsonl", "--queries",
        TINY + "queries.jsonl", "--qrels", TINY + "qrels.tsv").load())
        .hasMessage("no such file: no/such/corpus.jsonl");
  }

  @Test
  void theDataDirectoryDefaultsToOnePerCorpusFolder(@TempDir Path data) {
    DataDirectory directory = new DataDirectory(data);
    assertThat(parse("--corpus", TINY + "corpus.jsonl").dataDir(directory))
        .isEqualTo(data.resolve("eval").resolve("tiny"));
    assertThat(parse("--corpus", "./corpus.jsonl").dataDir(directory))
        .isEqualTo(data.resolve("eval")
            .resolve(Path.of("").toAbsolutePath().getFileName().toString()));
    assertThat(parse("--corpus", "c.jsonl", "--data-dir", "elsewhere").dataDir(directory))
        .isEqualTo(Path.of("elsewhere"));
  }
}
