package io.groundwork.eval;

import io.groundwork.store.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that name a dataset in BEIR's layout and the evaluation data directory it is
 * indexed into: a picocli mixin ({@code @Mixin DatasetOptions dataset;}) shared by the commands
 * that evaluate retrieval, {@code eval} and {@code bench}, so that both read the same files the
 * same way and share one index per corpus. The files are optional on the command line, because
 * {@code eval} can take them from a regression; a command that cannot run without them calls
 * {@link #requireFiles}.
 */
public final class DatasetOptions {
  @Option(names = "--corpus", paramLabel = "FILE", description = "BEIR corpus.jsonl.")
  Path corpus;

  @Option(names = "--queries", paramLabel = "FILE", description = "BEIR queries.jsonl.")
  Path queries;

  @Option(names = "--qrels", paramLabel = "FILE",
      description = "Qrels TSV (query-id, corpus-id, score).")
  Path qrels;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Evaluation data directory (default: <groundwork.data-dir>/eval/<corpus"
          + " folder>).")
  Path dataDir;

  /** The corpus file, or null when none is given (yet). */
  public Path corpus() {
    return corpus;
  }

  /** The queries file, or null when none is given (yet). */
  public Path queries() {
    return queries;
  }

  /** The qrels file, or null when none is given (yet). */
  public Path qrels() {
    return qrels;
  }

  /**
   * Takes the files that the command line did not give from elsewhere (a regression): options
   * given on the command line win.
   */
  public void defaultFiles(Path corpusFile, Path queriesFile, Path qrelsFile) {
    corpus = corpus != null ? corpus : corpusFile;
    queries = queries != null ? queries : queriesFile;
    qrels = qrels != null ? qrels : qrelsFile;
  }

  /** Whether all three files are named. */
  public boolean complete() {
    return corpus != null && queries != null && qrels != null;
  }

  /**
   * Fails like picocli does for missing required options (the message, the usage, exit code 2)
   * unless all three files are named.
   */
  public void requireFiles(CommandLine commandLine) {
    List<String> missing = new ArrayList<>();
    if (corpus == null) {
      missing.add("'--corpus=FILE'");
    }
    if (queries == null) {
      missing.add("'--queries=FILE'");
    }
    if (qrels == null) {
      missing.add("'--qrels=FILE'");
    }
    if (!missing.isEmpty()) {
      throw new CommandLine.ParameterException(commandLine, "Missing required option"
          + (missing.size() > 1 ? "s: " : ": ") + String.join(", ", missing));
    }
  }

  /**
   * Loads the dataset.
   *
   * @throws IllegalArgumentException when a file is not named, does not exist or is malformed
   */
  public BeirDataset load() {
    if (!complete()) {
      throw new IllegalArgumentException("give --corpus, --queries and --qrels, or --regression");
    }
    for (Path file : List.of(corpus, queries, qrels)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such file: " + file);
      }
    }
    return BeirDataset.load(corpus, queries, qrels);
  }

  /**
   * The evaluation data directory: {@code --data-dir}, or {@code eval/<corpus folder>} in the
   * server's data directory (as given, not made absolute).
   */
  public Path dataDir(DataDirectory data) {
    return dataDir != null ? dataDir : data.path().resolve("eval").resolve(folderName(corpus));
  }

  private static String folderName(Path corpusFile) {
    Path parent = corpusFile.toAbsolutePath().normalize().getParent();
    return parent == null || parent.getFileName() == null ? "corpus"
        : parent.getFileName().toString();
  }
}
