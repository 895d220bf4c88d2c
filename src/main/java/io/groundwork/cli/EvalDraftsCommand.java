package io.groundwork.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.draft.CustomerSafeScope;
import io.groundwork.draft.DraftEvaluation;
import io.groundwork.draft.DraftRegression;
import io.groundwork.draft.Drafting;
import io.groundwork.draft.TicketSet;
import io.groundwork.security.Caller;
import io.groundwork.security.UserDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Drafts a reply to every ticket of a ticket file against the current index and scores ask
 * coverage, citation correctness and flagged uncovered asks; or re-runs a checked-in regression.
 * Drafts made here are neither stored nor audited.
 */
@Command(name = "eval-drafts", sortOptions = false, description = {
    "Draft a reply to every ticket of a ticket file (default",
    "ingestion/eval/drafting/tickets.yaml) with the current index and print ask recall,",
    "coverage, citation correctness and precision, fact recall, flagged uncovered asks and",
    "draft latency. Ingest the sample corpus first (groundwork ingest ingestion/samples).",
    "Exit code 0: done (regression passed); 1: bad input; 4: the regression failed."})
public class EvalDraftsCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TICKETS",
      description = "Ticket file (YAML).")
  Path tickets;

  @Option(names = "--regression", paramLabel = "FILE",
      description = "Run a checked-in regression (ticket file, agent, expected figures).")
  Path regression;

  @Option(names = "--user", description = "Draft as this agent (default: sam, or the regression's).")
  String user;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Option(names = "--misses", description = "Print what went wrong, ticket by ticket.")
  boolean misses;

  @Spec
  CommandSpec spec;

  private final Drafting drafting;
  private final CustomerSafeScope scope;
  private final UserDirectory users;

  public EvalDraftsCommand(Drafting drafting, CustomerSafeScope scope, UserDirectory users) {
    this.drafting = drafting;
    this.scope = scope;
    this.users = users;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    DraftRegression spec = null;
    Path ticketFile = tickets;
    String agent = user;
    try {
      if (regression != null) {
        spec = DraftRegression.load(regression);
        ticketFile = regression.toAbsolutePath().getParent().resolve(spec.tickets());
        agent = agent == null ? spec.user() : agent;
      }
      ticketFile = ticketFile == null ? Path.of("ingestion/eval/drafting/tickets.yaml") : ticketFile;
      agent = agent == null ? "sam" : agent;
      Caller caller = CliCaller.resolve(agent, users);
      TicketSet set = TicketSet.load(ticketFile);
      DraftEvaluation.Result result = run(drafting, scope, caller, set, out);
      print(result, out, misses);
      if (json != null) {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), result);
      }
      if (spec != null) {
        List<String> failures = spec.failures(result);
        failures.forEach(f -> out.println("FAILED: " + f));
        if (!failures.isEmpty()) {
          return 4;
        }
        out.println("regression passed");
      }
      return 0;
    } catch (IllegalArgumentException e) {
      this.spec.commandLine().getErr().println("groundwork: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Drafts every ticket of {@code set} as {@code caller} and scores the drafts.
   */
  public static DraftEvaluation.Result run(Drafting drafting, CustomerSafeScope scope,
      Caller caller, TicketSet set, PrintWriter progress) {
    Set<String> safe = scope.documentIds();
    List<DraftEvaluation.Drafted> drafted = new ArrayList<>();
    for (TicketSet.Case ticket : set.tickets()) {
      long start = System.nanoTime();
      Drafting.Composed composed = drafting.compose(caller, ticket.ticket());
      drafted.add(new DraftEvaluation.Drafted(ticket, composed.content(),
          (System.nanoTime() - start) / 1e6));
      if (progress != null) {
        progress.printf("%-28s %d asks, %d not covered%n", ticket.id(),
            composed.content().asks().size(),
            composed.content().asks().stream().filter(a -> !a.covered()).count());
        progress.flush();
      }
    }
    return DraftEvaluation.score(drafted, c -> safe.contains(c.documentId()));
  }

  private static void print(DraftEvaluation.Result result, PrintWriter out, boolean misses) {
    out.printf("%n%d tickets%n", result.tickets());
    Map<String, Object> all = new LinkedHashMap<>(result.figures());
    all.putAll(result.counts());
    all.forEach((name, value) -> out.printf("  %-22s %s%n", name, value));
    if (misses && !result.misses().isEmpty()) {
      out.println("misses:");
      result.misses().forEach(m -> out.println("  " + m));
    }
  }
}
