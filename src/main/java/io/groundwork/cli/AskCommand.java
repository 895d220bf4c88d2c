package io.groundwork.cli;

import io.groundwork.answer.Citation;
import io.groundwork.qa.AskRequest;
import io.groundwork.qa.AskResult;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.security.Caller;
import io.groundwork.security.UserDirectory;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Asks a question and prints the answer with its citations; the question is audited. */
@Command(name = "ask", description = "Answer a question with citations (recorded in the audit trail).")
public class AskCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "QUESTION")
  String question;

  @Option(names = "--user", description = "Ask as this built-in user (default: public documents only).")
  String user;

  @Option(names = "--top-k", description = "Chunks to retrieve.")
  Integer topK;

  @Spec
  CommandSpec spec;

  private final QuestionAnswering qa;
  private final UserDirectory users;

  public AskCommand(QuestionAnswering qa, UserDirectory users) {
    this.qa = qa;
    this.users = users;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Caller caller;
    AskResult result;
    try {
      caller = CliCaller.resolve(user, users);
      result = qa.ask(caller, new AskRequest(question, topK, Set.of(), Set.of()));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("groundwork: " + e.getMessage());
      return 1;
    }
    if (result.answer().notice() != null) {
      out.println("(" + result.answer().notice() + ")");
    }
    for (String warning : result.warnings()) {
      out.println("WARNING: " + warning);
    }
    out.println(result.answer().text());
    if (!result.answer().citations().isEmpty()) {
      out.println();
      for (Citation c : result.answer().citations()) {
        out.printf("[%d] %s (%s%s), characters %d-%d%n    \"%s\"%n", c.number(), c.title(), c.path(),
            c.page() > 0 ? ", page " + c.page() : "", c.start(), c.end(), c.quote());
      }
    }
    var verification = result.verification();
    if (verification != null && !verification.sentences().isEmpty()) {
      out.printf("%nverified: %d supported, %d removed, %d flagged, %d unknown citations removed"
          + " (support >= %.2f)%n", verification.supportedSentences(),
          verification.removedSentences(), verification.flaggedSentences(),
          verification.invalidCitationsRemoved(), verification.minSupport());
    }
    out.printf("%naudit record %d, answered by %s in %.0f ms%n", result.auditId(),
        result.answer().answerer(), result.latenciesMillis().get("total"));
    out.flush();
    return 0;
  }
}
