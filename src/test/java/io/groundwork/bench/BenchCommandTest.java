package io.groundwork.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench}'s dataset options: required, with picocli's own error when missing. */
class BenchCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = new CommandLine(new BenchCommand(null));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void theDatasetFilesAreRequired() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Missing required options: '--corpus=FILE', '--queries=FILE', '--qrels=FILE'")
        .contains("Usage: bench ")
        .contains("--corpus=FILE", "--queries=FILE", "--qrels=FILE", "--data-dir=DIR",
            "--passages=<passageCount>", "--skip-embedding", "--skip-peer");
  }

  @Test
  void oneMissingFileIsNamed() {
    assertThat(run("--corpus", "c.jsonl", "--queries", "q.jsonl")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Missing required option: '--qrels=FILE'");
  }

  @Test
  void aFileThatIsNotThereIsAClearError() {
    assertThat(run("--corpus", "no/such/corpus.jsonl", "--queries", "q.jsonl", "--qrels",
        "qrels.tsv")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("groundwork: no such file: no/such/corpus.jsonl"
        + System.lineSeparator());
  }
}
