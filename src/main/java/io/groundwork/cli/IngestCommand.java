package io.groundwork.cli;

import io.groundwork.index.IndexLockedException;
import io.groundwork.ingest.FileOutcome;
import io.groundwork.ingest.IngestionListener;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Ingests files and folders, with a progress bar and a summary. */
@Command(name = "ingest", description = {
    "Ingest files or folders. A path inside a configured source (ingestion/pipeline.yaml) uses",
    "that source's access rules; a source's whole folder also removes files gone from it.",
    "Exit code 0: all ingested; 3: some files failed; 2: the index is held by a running server."})
public class IngestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
  List<Path> paths;

  @Option(names = "--groups", split = ",", defaultValue = "everyone",
      description = "Who may read files outside configured sources (default: ${DEFAULT-VALUE}).")
  Set<String> groups;

  @Spec
  CommandSpec spec;

  private final IngestionService ingestion;

  public IngestCommand(IngestionService ingestion) {
    this.ingestion = ingestion;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = new ProgressBar(err);
    List<IngestionReport> reports;
    try {
      reports = ingestion.runPaths(paths, groups, "cli", bar);
    } catch (IndexLockedException e) {
      err.println("groundwork: " + e.getMessage());
      err.println("  e.g. curl -u USER:PASS -X POST -H 'Content-Type: application/json' "
          + "-d '{\"source\":\"samples\"}' http://localhost:8080/api/ingest/runs");
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("groundwork: " + e.getMessage());
      return 1;
    }
    bar.finish();
    int ingested = 0;
    int unchanged = 0;
    int removed = 0;
    int chunks = 0;
    long millis = 0;
    int failed = 0;
    for (IngestionReport report : reports) {
      ingested += report.ingested();
      unchanged += report.unchanged();
      removed += report.removed();
      chunks += report.chunks();
      millis += report.millis();
      failed += report.failed().size();
    }
    out.printf("ingested %d, unchanged %d, failed %d, removed %d; %d chunks in %.1f s%n",
        ingested, unchanged, failed, removed, chunks, millis / 1000.0);
    for (IngestionReport report : reports) {
      for (IngestionReport.Failure failure : report.failed()) {
        out.printf("  failed: %s: %s%n", failure.path(), failure.reason());
      }
    }
    out.flush();
    return failed > 0 ? 3 : 0;
  }

  /** Draws {@code [#####.....] 12/44 name} on one terminal line. */
  static final class ProgressBar implements IngestionListener {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private int total;
    private int done;

    ProgressBar(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void started(int files) {
      total += files;
    }

    @Override
    public void fileDone(String path, FileOutcome outcome, String detail) {
      if (outcome == FileOutcome.REMOVED) {
        return;
      }
      done++;
      int filled = total == 0 ? WIDTH : done * WIDTH / Math.max(total, done);
      String name = path.length() > 40 ? "..." + path.substring(path.length() - 37) : path;
      out.printf("\r[%s%s] %d/%d %-9s %-40s", "#".repeat(filled), ".".repeat(WIDTH - filled),
          done, Math.max(total, done), outcome.name().toLowerCase(), name);
      out.flush();
    }

    void finish() {
      if (done > 0) {
        out.println();
        out.flush();
      }
    }
  }
}
