package io.groundwork.cli;

import picocli.CommandLine.Command;

/** The audit trail's offline tools: signing keys, verification, export bundles, a benchmark. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit trail tools: keygen, verify, verify-export, bench.",
    subcommands = {AuditKeygenCommand.class, AuditVerifyCommand.class,
        AuditVerifyExportCommand.class, AuditBenchCommand.class})
public class AuditCommand {}
