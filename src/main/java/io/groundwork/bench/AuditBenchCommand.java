package io.groundwork.bench;

import io.groundwork.audit.AuditDatabase;
import io.groundwork.audit.AuditTrail;
import io.groundwork.audit.Checkpointer;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures audit appends with concurrent askers, without and then with checkpoints signed in the
 * background; prints appends per second and append latency percentiles. It appends real records,
 * so it refuses a trail that already has any: run it on a scratch data directory
 * ({@code -Dgroundwork.data-dir=/tmp/audit-bench}).
 */
@Command(name = "bench", description = "Benchmark audit appends (writes records: use a scratch data dir).")
public class AuditBenchCommand implements Callable<Integer> {
  @Option(names = "--threads", defaultValue = "16", description = "Concurrent askers.")
  int threads;

  @Option(names = "--appends", defaultValue = "4000", description = "Appends per phase.")
  int appends;

  @Option(names = "--checkpoint-every", defaultValue = "100",
      description = "Records between checkpoints in the signed phase.")
  int every;

  @Option(names = "--rounds", defaultValue = "2",
      description = "Rounds of both phases, alternating.")
  int rounds;

  @Spec
  CommandSpec spec;

  private final AuditTrail trail;
  private final AuditDatabase database;
  private final Checkpointer checkpointer;

  public AuditBenchCommand(AuditTrail trail, AuditDatabase database, Checkpointer checkpointer) {
    this.trail = trail;
    this.database = database;
    this.checkpointer = checkpointer;
  }

  @Override
  public Integer call() throws SQLException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (checkpointer.signing()) {
      spec.commandLine().getErr().println("groundwork: unset groundwork.audit.signing-key-file"
          + " for the benchmark; it signs checkpoints itself in its second phase");
      return 1;
    }
    AppendBenchmark benchmark;
    try {
      benchmark = new AppendBenchmark(trail, database::connection, threads, appends, every);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("groundwork: " + e.getMessage());
      return 1;
    }
    if (benchmark.trailSize() > 0) {
      spec.commandLine().getErr().println("groundwork: the audit trail already has "
          + benchmark.trailSize() + " records; run the benchmark on a scratch data directory"
          + " (-Dgroundwork.data-dir=/tmp/audit-bench)");
      return 1;
    }
    benchmark.run(false, true); // warm-up, not reported
    // Alternating, so that neither phase gains from running after the other.
    for (int round = 1; round <= rounds; round++) {
      out.println(benchmark.run(false, false).describe("round " + round + " without checkpoints"));
      out.println(benchmark.run(true, false).describe("round " + round + " with checkpoints   "));
      out.flush();
    }
    out.flush();
    return 0;
  }
}
