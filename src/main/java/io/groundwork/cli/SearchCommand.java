package io.groundwork.cli;

import io.groundwork.qa.QuestionAnswering;
import io.groundwork.retrieve.RetrievalResult;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.security.UserDirectory;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the ranked chunks for a query. */
@Command(name = "search", description = "Hybrid search: ranked chunks with scores, no answer.")
public class SearchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "QUERY")
  String query;

  @Option(names = "--user", description = "Search as this built-in user (default: public documents only).")
  String user;

  @Option(names = "--top-k", description = "Chunks to return.")
  Integer topK;

  @Spec
  CommandSpec spec;

  private final QuestionAnswering qa;
  private final UserDirectory users;

  public SearchCommand(QuestionAnswering qa, UserDirectory users) {
    this.qa = qa;
    this.users = users;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RetrievalResult result;
    try {
      result = qa.search(CliCaller.resolve(user, users), query, topK, Set.of(), Set.of());
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("groundwork: " + e.getMessage());
      return 1;
    }
    int rank = 1;
    for (RetrievedChunk r : result.chunks()) {
      String text = r.chunk().text().replace('\n', ' ');
      out.printf("%2d. %.4f  %s  [%s]%n    %s%n", rank++, r.score(), r.chunk().title(),
          r.chunk().path(), text.length() > 160 ? text.substring(0, 157) + "..." : text);
    }
    if (result.chunks().isEmpty()) {
      out.println("no results");
    }
    out.flush();
    return 0;
  }
}
