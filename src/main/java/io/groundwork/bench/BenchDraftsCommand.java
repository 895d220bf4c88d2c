package io.groundwork.bench;

import io.groundwork.draft.Drafting;
import io.groundwork.draft.Ticket;
import io.groundwork.draft.TicketSet;
import io.groundwork.qa.AskRequest;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.security.Caller;
import io.groundwork.security.UserDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drafting latency against single questions: p50/p95 of a question answered as
 * {@code /api/ask} answers it (retrieval, answer, verification, audit record) and of a ticket
 * with four asks drafted as {@code /api/drafts} drafts it (stored and audited), in alternating
 * rounds on the same index. Questions are the covered asks of the ticket file; each four-ask
 * ticket joins four different ones, rotating, so that drafts do not repeat one ticket. The first
 * draft is reported apart (caches cold). Appends audit records and drafts: run it against a
 * scratch data directory with the sample corpus ingested.
 */
@Command(name = "bench-drafts", sortOptions = false, description = {
    "Latency of drafting a four-ask ticket against p95 of a single question (/api/ask path).",
    "Appends audit records and drafts: use a scratch --data-dir (groundwork.data-dir) with the",
    "sample corpus ingested."})
public class BenchDraftsCommand implements Callable<Integer> {
  @Option(names = "--tickets", defaultValue = "ingestion/eval/drafting/tickets.yaml",
      description = "Ticket file whose covered asks are the questions.")
  Path tickets;

  @Option(names = "--rounds", defaultValue = "12", description = "Rounds: 4 questions and 1 draft each.")
  int rounds;

  @Option(names = "--user", defaultValue = "sam", description = "The agent who asks and drafts.")
  String user;

  @Spec
  CommandSpec spec;

  private final QuestionAnswering qa;
  private final Drafting drafting;
  private final UserDirectory users;

  public BenchDraftsCommand(QuestionAnswering qa, Drafting drafting, UserDirectory users) {
    this.qa = qa;
    this.drafting = drafting;
    this.users = users;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (rounds < 2) {
      spec.commandLine().getErr().println("groundwork: --rounds must be at least 2");
      return 1;
    }
    Caller caller;
    List<String> questions = new ArrayList<>();
    try {
      caller = users.find(user).orElseThrow(() -> new IllegalArgumentException(
          "unknown user '" + user + "'; known users: " + String.join(", ", users.names())));
      for (TicketSet.Case c : TicketSet.load(tickets).tickets()) {
        if (c.asks().size() == 1 && c.asks().getFirst().covered() && !c.body().contains("\n\n")
            && c.body().strip().lines().count() <= 2) {
          questions.add(c.body().strip().replaceAll("\\s+", " "));
        }
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("groundwork: " + e.getMessage());
      return 1;
    }
    if (questions.size() < 4) {
      spec.commandLine().getErr().println("groundwork: the ticket file needs at least 4 short"
          + " single-ask tickets");
      return 1;
    }
    out.printf("%d questions; %d rounds of 4 questions and 1 four-ask draft%n", questions.size(),
        rounds);
    long first = System.nanoTime();
    drafting.draft(caller, ticket(questions, 0));
    double cold = (System.nanoTime() - first) / 1e6;
    List<Double> asks = new ArrayList<>();
    List<Double> drafts = new ArrayList<>();
    int next = 4;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < 4; i++) {
        String question = questions.get((round * 4 + i) % questions.size());
        long start = System.nanoTime();
        qa.ask(caller, AskRequest.of(question));
        asks.add((System.nanoTime() - start) / 1e6);
      }
      long start = System.nanoTime();
      drafting.draft(caller, ticket(questions, next));
      drafts.add((System.nanoTime() - start) / 1e6);
      next += 4;
      out.printf("round %d: ask p95 so far %.0f ms, draft %.0f ms%n", round + 1,
          percentile(asks, 95), drafts.getLast());
      out.flush();
    }
    double askP95 = percentile(asks, 95);
    double draftP50 = percentile(drafts, 50);
    double draftP95 = percentile(drafts, 95);
    out.printf(Locale.ROOT, "%nsingle question (/api/ask path): p50 %.0f ms, p95 %.0f ms (%d)%n",
        percentile(asks, 50), askP95, asks.size());
    out.printf(Locale.ROOT, "four-ask draft (/api/drafts path): p50 %.0f ms, p95 %.0f ms (%d);"
        + " first draft (cold caches) %.0f ms%n", draftP50, draftP95, drafts.size(), cold);
    out.printf(Locale.ROOT, "draft p50 / ask p95 = %.2f, draft p95 / ask p95 = %.2f"
        + " (target: below 3)%n", draftP50 / askP95, draftP95 / askP95);
    return 0;
  }

  /** A ticket asking four different questions, starting at question {@code from}. */
  private static Ticket ticket(List<String> questions, int from) {
    StringBuilder body = new StringBuilder("Hello,\n");
    for (int i = 0; i < 4; i++) {
      body.append(questions.get((from + i) % questions.size())).append('\n');
    }
    return new Ticket("A few questions", body.append("Thanks").toString(), "Alex", null,
        Ticket.Tone.FRIENDLY);
  }

  static double percentile(List<Double> values, int p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
