package io.groundwork.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.groundwork.eval.AnswerEvaluation;
import io.groundwork.eval.AnswerEvaluation.Figures;
import io.groundwork.eval.AnswerEvaluation.Outcome;
import io.groundwork.eval.AnswerRegressionSpec;
import io.groundwork.eval.DevSet;
import io.groundwork.eval.DevSet.DevQuestion;
import io.groundwork.index.IndexLockedException;
import io.groundwork.ingest.IngestionListener;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import io.groundwork.ingest.SourceFiles;
import io.groundwork.llm.LlmConfig;
import io.groundwork.qa.AskRequest;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.security.UserDirectory;
import io.groundwork.store.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores the answers of question answering on a development set: ingests the set's source into
 * the data directory, asks every question as its user through {@link QuestionAnswering} (the
 * path {@code POST /api/ask} takes: retrieval with the user's access filter, the configured
 * answerer, verification, audit record) and prints key-fact rate, right source first, refusal
 * precision and recall, leaks and latency; or re-runs a checked-in answer regression.
 */
@Command(name = "eval-answers", sortOptions = false, description = {
    "Score answers on a development set of questions (ingestion/eval/devset/questions.yaml):",
    "ingest the set's source into the data directory (groundwork.data-dir), ask every question",
    "as its user through the same path as POST /api/ask (audited), and print the key-fact",
    "rate, right source first, refusal precision and recall, leaks and latency p50/p95.",
    "The answerer is the configured one: extractive, or a language model with",
    "GROUNDWORK_LLM_PROVIDER, GROUNDWORK_LLM_MODEL and GROUNDWORK_LLM_BASE_URL.",
    "Exit code 0: done (regression passed); 1: bad input or the source did not ingest cleanly;",
    "2: the index is held by a running server (use --no-ingest); 4: a regression metric fell",
    "below its tolerance, or a leak."})
public class EvalAnswersCommand implements Callable<Integer> {
  /** Questions asked once, unscored, before the measured run, so latency excludes warm-up. */
  static final int WARM_UP = 5;

  /** Which questions {@code --list} prints. */
  enum Listing { FAILURES, ALL }

  @Option(names = "--questions", paramLabel = "FILE",
      description = "The dev set (default: the regression's, else ingestion/eval/devset/questions.yaml).")
  Path questions;

  @Option(names = "--regression", paramLabel = "FILE",
      description = "Run a checked-in answer regression (dev set, configuration, expected figures, tolerance).")
  Path regression;

  @Option(names = "--list", arity = "0..1", fallbackValue = "ALL", paramLabel = "WHICH",
      description = "Print each question's outcome: all (default) or failures.")
  Listing list;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the figures and every question's outcome as JSON.")
  Path json;

  @Option(names = "--limit", paramLabel = "N",
      description = "Ask only the first N questions (e.g. with a slow language model).")
  Integer limit;

  @Option(names = "--no-ingest",
      description = "Do not ingest first: use the data directory as it is (e.g. while a server holds the index).")
  boolean noIngest;

  @Spec
  CommandSpec spec;

  private final IngestionService ingestion;
  private final QuestionAnswering qa;
  private final UserDirectory users;
  private final LlmConfig llm;
  private final DataDirectory dataDirectory;

  public EvalAnswersCommand(IngestionService ingestion, QuestionAnswering qa, UserDirectory users,
      LlmConfig llm, DataDirectory dataDirectory) {
    this.ingestion = ingestion;
    this.qa = qa;
    this.users = users;
    this.llm = llm;
    this.dataDirectory = dataDirectory;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      AnswerRegressionSpec spec = regression == null ? null : AnswerRegressionSpec.load(regression);
      String running = answerer();
      if (spec != null && spec.answerer() != null && !spec.answerer().equals(running)) {
        throw new IllegalArgumentException("regression " + spec.name() + " was measured with the "
            + spec.answerer() + " answerer but this process answers with " + running
            + " (groundwork.llm.provider)");
      }
      Path file = questions != null ? questions
          : spec != null ? spec.questions() : Path.of("ingestion/eval/devset/questions.yaml");
      DevSet set = DevSet.load(file);
      SourceFiles source = ingestion.pipeline().sourceFiles(set.source());
      AnswerEvaluation evaluation = new AnswerEvaluation(source, user -> CliCaller.resolve(user, users));
      evaluation.check(set);
      List<DevQuestion> asked = limit == null ? set.questions()
          : set.questions().subList(0, Math.min(Math.max(limit, 0), set.questions().size()));
      long answerable = asked.stream()
          .filter(q -> evaluation.kind(q) == AnswerEvaluation.Kind.ANSWERABLE).count();
      long unanswerable = asked.stream().filter(q -> !q.answerable()).count();
      out.printf("dev set     %s: %d questions (%d answerable, %d nothing answers, %d the asker"
              + " may not read) over source %s%n", file, asked.size(), answerable, unanswerable,
          asked.size() - answerable - unanswerable, set.source());
      out.flush();
      if (!noIngest) {
        IngestionReport report = ingestion.runSource(set.source(), "eval-answers",
            IngestionListener.NONE);
        out.printf("corpus      %s (%s): ingested %d, unchanged %d, failed %d, removed %d; %d"
                + " chunks in %.1f s%n", set.source(), source.root(), report.ingested(),
            report.unchanged(), report.failed().size(), report.removed(), report.chunks(),
            report.millis() / 1000.0);
        if (!report.failed().isEmpty()) {
          for (IngestionReport.Failure failure : report.failed()) {
            err.printf("  failed: %s: %s%n", failure.path(), failure.reason());
          }
          throw new IllegalStateException(report.failed().size() + " files of source "
              + set.source() + " did not ingest; figures would not be comparable");
        }
      }
      out.printf("data dir    %s%n", dataDirectory.path().toAbsolutePath());
      out.printf("answerer    %s%n", running.equals("extractive") ? "extractive"
          : running + ", model " + llm.model().orElse("?") + " at " + llm.effectiveBaseUrl());
      out.flush();
      AnswerEvaluation.Asker asker = (caller, question) -> qa.ask(caller, AskRequest.of(question));
      for (DevQuestion q : asked.subList(0, Math.min(WARM_UP, asked.size()))) {
        asker.ask(CliCaller.resolve(q.user(), users), q.question());
      }
      AnswerEvaluation.Results results = evaluation.run(asked, asker);
      if (list != null) {
        printOutcomes(out, results.outcomes(), list);
      }
      Figures f = results.figures();
      printFigures(out, f, results);
      List<AnswerRegressionSpec.Check> checks = spec == null ? List.of() : spec.check(f);
      boolean failed = false;
      for (AnswerRegressionSpec.Check check : checks) {
        failed |= !check.passed();
        out.printf(Locale.ROOT, "regression  %-19s %s: %.4f, expected %s %.4f%n", check.metric(),
            check.passed() ? "PASS" : "FAIL", check.actual(), check.atMost() ? "at most"
                : String.format(Locale.ROOT, "%.4f -", check.expected()),
            check.atMost() ? check.expected() : check.tolerance());
      }
      // A regression never passes with a leak, even one that does not list the metric.
      failed |= spec != null && f.leaks() > 0;
      if (json != null) {
        writeJson(file, running, results, checks);
      }
      out.flush();
      return failed ? 4 : 0;
    } catch (IndexLockedException e) {
      err.println("groundwork: " + e.getMessage());
      err.println("  run with --no-ingest to score the index as it is");
      err.flush();
      return 2;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("groundwork: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private String answerer() {
    return llm.provider() == LlmConfig.Provider.NONE ? "extractive"
        : llm.provider().name().toLowerCase(Locale.ROOT);
  }


  private static void printFigures(PrintWriter out, Figures f, AnswerEvaluation.Results results) {
    out.printf(Locale.ROOT, "key facts   %.4f (%d of %d answerable questions)%n", f.keyFactRate(),
        f.keyFacts(), f.answerable());
    out.printf(Locale.ROOT, "source 1st  %.4f (first citation from an expected document: %d of"
        + " %d)%n", f.rightSourceFirstRate(), f.rightSourceFirst(), f.answerable());
    out.printf(Locale.ROOT, "refusal     precision %.4f (%d of %d refusals right), recall %.4f"
            + " (%d of %d questions that expect one)%n", f.refusalPrecision(), f.refusalsRight(),
        f.refusalsRight() + f.refusalsWrong(), f.refusalRecall(), f.refusalsRight(),
        f.refusalsRight() + f.refusalsMissed());
    long forbiddenAnswered = results.outcomes().stream()
        .filter(o -> o.kind() == AnswerEvaluation.Kind.FORBIDDEN && !o.refused()).count();
    long leakedQuestions = results.outcomes().stream().filter(o -> !o.leaks().isEmpty()).count();
    out.printf("leaks       %d citations of documents the asker may not read (%d questions);"
        + " %d retrieved chunks outside access; %d forbidden questions answered from readable"
        + " documents%n", f.leaks(), leakedQuestions, f.retrievedLeaks(), forbiddenAnswered);
    out.printf(Locale.ROOT, "latency     p50 %.0f ms, p95 %.0f ms (each question end to end,"
        + " audit record included, after %d warm-up questions)%n", f.latencyP50Millis(),
        f.latencyP95Millis(), WARM_UP);
    if (f.fallbacks() > 0) {
      out.printf("fallbacks   %d answers came from the fallback answerer%n", f.fallbacks());
    }
    StringBuilder areas = new StringBuilder();
    for (Map.Entry<String, int[]> area : results.keyFactsByArea().entrySet()) {
      areas.append(areas.isEmpty() ? "" : ", ").append(area.getKey()).append(' ')
          .append(area.getValue()[0]).append('/').append(area.getValue()[1]);
    }
    out.printf("by area     key facts %s%n", areas);
  }

  private static void printOutcomes(PrintWriter out, List<Outcome> outcomes, Listing which) {
    for (Outcome o : outcomes) {
      if (which == Listing.FAILURES && o.right()) {
        continue;
      }
      DevQuestion q = o.question();
      String verdict = o.right() ? "ok  " : !o.leaks().isEmpty() ? "LEAK" : "MISS";
      out.printf(Locale.ROOT, "%s  %s  %s  %s  %s  %.0f ms%n", verdict, q.id(), q.user(),
          o.kind().name().toLowerCase(Locale.ROOT), o.kind() == AnswerEvaluation.Kind.ANSWERABLE
              ? "fact:" + yes(o.factFound()) + " source:" + yes(o.firstSourceRight())
              : "refused:" + yes(o.refused()), o.millis());
      out.printf("      Q  %s%n", q.question());
      out.printf("      A  %s%n", shorten(o.answer(), 300));
      if (q.answerable()) {
        out.printf("      cited %s | expected %s | facts %s%n", o.firstCitation(),
            String.join(", ", q.documents()), q.facts());
      } else if (o.firstCitation() != null) {
        out.printf("      cited %s%n", o.firstCitation());
      }
      if (!o.leaks().isEmpty()) {
        out.printf("      LEAKED %s%n", String.join(", ", o.leaks()));
      }
      out.printf("      retrieved %s%n", String.join(", ", o.retrieved()));
    }
  }

  private static String yes(boolean value) {
    return value ? "yes" : "no";
  }

  private static String shorten(String text, int max) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
  }

  private void writeJson(Path file, String running, AnswerEvaluation.Results results,
      List<AnswerRegressionSpec.Check> checks) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    Figures f = results.figures();
    root.put("questionsFile", file.toString());
    root.put("answerer", running);
    root.put("dataDir", dataDirectory.path().toAbsolutePath().toString());
    root.put("questions", f.questions());
    root.put("answerable", f.answerable());
    root.put("unanswerable", f.unanswerable());
    root.put("forbidden", f.forbidden());
    root.put("keyFactRate", f.keyFactRate());
    root.put("rightSourceFirst", f.rightSourceFirstRate());
    root.put("refusalPrecision", f.refusalPrecision());
    root.put("refusalRecall", f.refusalRecall());
    root.put("leaks", f.leaks());
    root.put("retrievedLeaks", f.retrievedLeaks());
    root.put("fallbacks", f.fallbacks());
    root.put("latencyP50Millis", f.latencyP50Millis());
    root.put("latencyP95Millis", f.latencyP95Millis());
    ArrayNode outcomes = root.putArray("outcomes");
    for (Outcome o : results.outcomes()) {
      ObjectNode node = outcomes.addObject();
      node.put("id", o.question().id());
      node.put("question", o.question().question());
      node.put("user", o.question().user());
      node.put("kind", o.kind().name().toLowerCase(Locale.ROOT));
      node.put("right", o.right());
      node.put("refused", o.refused());
      node.put("factFound", o.factFound());
      node.put("firstSourceRight", o.firstSourceRight());
      node.put("firstCitation", o.firstCitation());
      o.question().documents().forEach(node.putArray("documents")::add);
      o.question().facts().forEach(node.putArray("facts")::add);
      o.question().tags().forEach(node.putArray("tags")::add);
      o.leaks().forEach(node.putArray("leaks")::add);
      node.put("answer", o.answer());
      node.put("answerer", o.answerer());
      node.put("fallback", o.fallback());
      node.put("millis", o.millis());
      o.retrieved().forEach(node.putArray("retrieved")::add);
    }
    if (!checks.isEmpty()) {
      ObjectNode regressionNode = root.putObject("regression");
      for (AnswerRegressionSpec.Check check : checks) {
        ObjectNode node = regressionNode.putObject(check.metric());
        node.put("expected", check.expected());
        node.put("actual", check.actual());
        node.put("tolerance", check.tolerance());
        node.put("passed", check.passed());
      }
    }
    ReportFiles.writeJson(mapper, json, root);
  }
}
