package io.groundwork.cli;

import io.groundwork.conversation.ConversationEvaluation;
import io.groundwork.conversation.ConversationSet;
import io.groundwork.conversation.ConversationalAnswering;
import io.groundwork.ingest.IngestionListener;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.security.UserDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores follow-up questions: the last turn of every conversation of a set, with the follow-up
 * rewritten from the earlier turns and searched as asked (docs/conversations.md).
 */
@Command(name = "eval-conversations", description = "Score the last turn of multi-turn"
    + " conversations over the knowledge base, with and without rewriting follow-ups.")
public class ConversationEvalCommand implements Callable<Integer> {
  @Option(names = "--conversations", defaultValue = "ingestion/eval/conversations/conversations.yaml",
      description = "The conversation set (default: ${DEFAULT-VALUE}).")
  Path file;

  @Option(names = "--ingest", description = "Ingest this source first (e.g. samples).")
  String ingest;

  @Option(names = "--verbose", description = "List every conversation's last turn.")
  boolean verbose;

  @Spec
  CommandSpec spec;

  private final ConversationalAnswering conversations;
  private final QuestionAnswering qa;
  private final UserDirectory users;
  private final IngestionService ingestion;

  public ConversationEvalCommand(ConversationalAnswering conversations, QuestionAnswering qa,
      UserDirectory users, IngestionService ingestion) {
    this.conversations = conversations;
    this.qa = qa;
    this.users = users;
    this.ingestion = ingestion;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ConversationSet set;
    try {
      set = ConversationSet.load(file);
      if (ingest != null) {
        IngestionReport report = ingestion.runSource(ingest, CliCaller.OPERATOR,
            IngestionListener.NONE);
        out.printf("ingested %s: %d files, %d unchanged, %d failed%n", ingest, report.ingested(),
            report.unchanged(), report.failed().size());
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("groundwork: " + e.getMessage());
      return 2;
    }
    List<ConversationEvaluation.Figures> results = new ConversationEvaluation(conversations, qa,
        user -> CliCaller.resolve(user, users)).run(set);
    out.printf("%-10s %6s %18s %9s %8s %9s %9s%n", "mode", "convs", "right source first",
        "key fact", "refused", "p50 ms", "p95 ms");
    for (ConversationEvaluation.Figures f : results) {
      out.printf("%-10s %6d %18.3f %9.3f %8d %9.0f %9.0f%n", f.mode(), f.conversations(),
          f.rightSourceFirst(), f.keyFact(), f.refused(), f.p50Millis(), f.p95Millis());
    }
    if (verbose) {
      for (ConversationEvaluation.Figures f : results) {
        out.println();
        out.println(f.mode() + ":");
        for (ConversationEvaluation.Outcome o : f.outcomes()) {
          out.printf("  %-22s source %-5s fact %-5s %s | %s%n", o.id(), o.rightSourceFirst(),
              o.fact(), o.firstCitation(), o.searched());
        }
      }
    }
    out.flush();
    return 0;
  }
}
