package io.groundwork.cli;

import io.groundwork.audit.Retention;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prunes the content of audit records older than the retention period that no legal hold
 * covers, as the server's daily job does; the pruning is an audit record naming what it pruned.
 */
@Command(name = "prune", description = "Prune audit record content older than"
    + " groundwork.retention.period (legal holds exempt); prints what was pruned and held.")
public class AuditPruneCommand implements Callable<Integer> {
  @Option(names = "--as", description = "Who runs it, as recorded (default: groundwork).",
      defaultValue = "groundwork")
  String actor;

  @Spec
  CommandSpec spec;

  private final Retention retention;

  public AuditPruneCommand(Retention retention) {
    this.retention = retention;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Retention.PruneReport report = retention.prune(actor, Instant.now());
    out.printf("retention %s: pruned %d records created before %s, %d held by legal holds;"
        + " pruning record %d%n", retention.period(), report.pruned(), report.before(),
        report.held(), report.recordId());
    if (!report.ranges().isEmpty()) {
      out.println("pruned records: " + report.ranges().stream()
          .map(r -> r[0] == r[1] ? String.valueOf(r[0]) : r[0] + ".." + r[1])
          .collect(Collectors.joining(", ")));
    }
    return 0;
  }
}
