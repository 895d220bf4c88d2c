package io.groundwork.cli;

import io.groundwork.bench.BenchAdmissionCommand;
import io.groundwork.bench.BenchAskCommand;
import io.groundwork.bench.BenchCommand;
import io.groundwork.bench.BenchDraftsCommand;
import io.groundwork.bench.BenchEnsembleCommand;
import io.groundwork.bench.BenchVectorsCommand;
import io.groundwork.bench.BenchVerifyCommand;
import picocli.CommandLine.Command;

/** The top-level command; see its subcommands. */
@Command(
    name = "groundwork",
    mixinStandardHelpOptions = true,
    version = "Groundwork 0.1.0",
    description = "Grounded answers with citations over your company's documents.",
    subcommands = {ServeCommand.class, AuditCommand.class, IngestCommand.class, AskCommand.class,
        ConversationEvalCommand.class,
        SearchCommand.class, HashPasswordCommand.class,
        BenchVerifyCommand.class, EvalCommand.class, EvalAnswersCommand.class,
        CalibrateRefusalCommand.class, EvalDraftsCommand.class, BenchCommand.class,
        BenchVectorsCommand.class, BenchAdmissionCommand.class, BenchAskCommand.class,
        BenchDraftsCommand.class, BenchEnsembleCommand.class})
public class GroundworkCommand {}
