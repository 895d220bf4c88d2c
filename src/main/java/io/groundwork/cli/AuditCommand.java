package io.groundwork.cli;

import io.groundwork.bench.AuditBenchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The audit trail's offline tools: signing keys, verification, export bundles, a benchmark. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit trail tools: keygen, verify, verify-export, prune, bench.",
    subcommands = {AuditKeygenCommand.class, AuditVerifyCommand.class,
        AuditVerifyExportCommand.class, AuditPruneCommand.class, AuditBenchCommand.class})
public class AuditCommand implements Runnable {
  @Spec
  CommandSpec spec;

  /** Without a subcommand: the usage, listing them. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
