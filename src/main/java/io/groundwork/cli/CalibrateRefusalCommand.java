package io.groundwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.inject.Instance;
import io.groundwork.answer.Answer;
import io.groundwork.answer.AnswerRequest;
import io.groundwork.answer.Answerer;
import io.groundwork.answer.ConfidenceModel;
import io.groundwork.answer.ExtractiveAnswerer;
import io.groundwork.eval.AnswerEvaluation;
import io.groundwork.eval.DevSet;
import io.groundwork.eval.DevSet.DevQuestion;
import io.groundwork.eval.RefusalCalibration;
import io.groundwork.eval.RefusalCalibration.Calibrated;
import io.groundwork.eval.RefusalCalibration.Example;
import io.groundwork.eval.RefusalCalibration.Point;
import io.groundwork.index.IndexLockedException;
import io.groundwork.ingest.IngestionListener;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import io.groundwork.ingest.SourceFiles;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.security.Caller;
import io.groundwork.security.UserDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Calibrates the extractive answerer's refusal on a development set: asks every question as its
 * user (retrieval with the user's access filter, then the extractive answerer), records the
 * answer's signals and whether the answer it would give states the key fact, then fits the
 * {@link ConfidenceModel} and chooses the refusal threshold ({@link RefusalCalibration}), prints
 * the precision/recall curve of refusing and the held-out figures of a k-fold cross-validation,
 * and optionally writes the weights file.
 */
@Command(name = "calibrate-refusal", sortOptions = false, description = {
    "Fit the extractive answerer's confidence model and choose its refusal threshold on a",
    "development set (default ingestion/eval/devset/questions.yaml): ask every question as its",
    "user, record the signals and whether the answer would state the key fact, fit logistic",
    "weights (L2 penalty chosen by cross-validation), choose the threshold of the best refusal",
    "F1, and print the refusal curve and held-out figures of a k-fold cross-validation.",
    "Exit code 0: done; 1: bad input, an LLM answerer, or the source did not ingest cleanly;",
    "2: the index is held by a running server (use --no-ingest)."})
public class CalibrateRefusalCommand implements Callable<Integer> {
  @Option(names = "--questions", paramLabel = "FILE",
      description = "The dev set (default: ingestion/eval/devset/questions.yaml).")
  Path questions = Path.of("ingestion/eval/devset/questions.yaml");

  @Option(names = "--write", paramLabel = "FILE",
      description = "Write the fitted weights there (the checked-in one is "
          + "src/main/resources/io/groundwork/answer/confidence-model.properties).")
  Path write;

  @Option(names = "--save-signals", paramLabel = "FILE",
      description = "Also write every question's signals and outcome as JSON.")
  Path saveSignals;

  @Option(names = "--signals", paramLabel = "FILE",
      description = "Calibrate on signals saved by --save-signals instead of asking the questions.")
  Path signals;

  @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default 5).")
  int folds;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the folds (default 42).")
  long seed;

  @Option(names = "--no-ingest",
      description = "Do not ingest first: use the data directory as it is.")
  boolean noIngest;

  @Spec
  CommandSpec spec;

  private final IngestionService ingestion;
  private final QuestionAnswering qa;
  /**
   * Resolved when the command runs, not when the command line is built: every subcommand is
   * constructed for any command, and the answerer needs settings (its prompts folder) that other
   * commands, such as {@code serve} in a folder without prompts, do not.
   */
  private final Instance<Answerer> answerers;
  private final UserDirectory users;

  public CalibrateRefusalCommand(IngestionService ingestion, QuestionAnswering qa,
      Instance<Answerer> answerers, UserDirectory users) {
    this.ingestion = ingestion;
    this.qa = qa;
    this.answerers = answerers;
    this.users = users;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      RefusalCalibration calibration = new RefusalCalibration(folds, seed);
      List<Example> examples = signals != null ? read(signals) : ask(out);
      if (saveSignals != null) {
        save(examples, saveSignals);
      }
      long expecting = examples.stream().filter(Example::refusalExpected).count();
      long unproposed = examples.stream().filter(e -> !e.proposed()).count();
      out.printf("questions   %d (%d expect a refusal; %d without a sentence of the least"
          + " evidence, refused whatever the confidence)%n", examples.size(), expecting,
          unproposed);
      Calibrated calibrated = calibration.calibrate(examples);
      StringBuilder losses = new StringBuilder();
      for (int i = 0; i < RefusalCalibration.PENALTIES.size(); i++) {
        losses.append(String.format(Locale.ROOT, " %s: %.4f",
            RefusalCalibration.PENALTIES.get(i), calibrated.logLoss().get(i)));
      }
      out.printf(Locale.ROOT, "L2 penalty  %s (cross-validated log loss by penalty:%s)%n",
          calibrated.penalty(), losses);
      out.printf(Locale.ROOT, "weights     bias %.4f", calibrated.model().bias());
      for (String name : ConfidenceModel.SIGNAL_NAMES) {
        out.printf(Locale.ROOT, ", %s %.4f", name, calibrated.model().weight(name));
      }
      out.println();
      List<Point> curve = RefusalCalibration.curve(calibrated.model(), examples);
      out.println("refusal curve (in sample):");
      out.println("| threshold | refusals | refusal precision | refusal recall | F1"
          + " | key facts of answerable | right source first |");
      out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (Point point : curve) {
        int step = (int) Math.round(point.threshold() * 100);
        boolean chosen = Math.abs(point.threshold() - calibrated.threshold()) < 1e-9;
        if (step % 5 == 0 || chosen) {
          out.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.4f (%d of %d) | %.4f |%n",
              chosen ? String.format(Locale.ROOT, "**%.2f (chosen)**", point.threshold())
                  : String.format(Locale.ROOT, "%.2f", point.threshold()),
              point.refusals(), point.precision(), point.recall(), point.f1(),
              point.keyFactRate(), point.keyFacts(), point.answerable(), point.rightSourceRate());
        }
      }
      Point inSample = RefusalCalibration.point(calibrated.model(), examples,
          calibrated.threshold());
      print(out, "in sample", inSample);
      Point heldOut = calibration.crossValidate(examples);
      print(out, folds + "-fold held out (seed " + seed + ", mean threshold "
          + String.format(Locale.ROOT, "%.2f", heldOut.threshold()) + ")", heldOut);
      if (write != null) {
        writeModel(calibrated, examples.size(), expecting);
        out.printf("wrote       %s%n", write);
      }
      out.flush();
      return 0;
    } catch (IndexLockedException e) {
      err.println("groundwork: " + e.getMessage());
      err.println("  run with --no-ingest to calibrate on the index as it is");
      err.flush();
      return 2;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("groundwork: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private static void print(PrintWriter out, String label, Point point) {
    out.printf(Locale.ROOT, "%s: threshold %.2f, key facts %.4f (%d of %d), right source first"
            + " %.4f, refusal precision %.4f (%d of %d), recall %.4f (%d of %d)%n", label,
        point.threshold(), point.keyFactRate(), point.keyFacts(), point.answerable(),
        point.rightSourceRate(), point.precision(), point.refusalsRight(), point.refusals(),
        point.recall(), point.refusalsRight(), point.expectingRefusal());
  }

  private List<Example> ask(PrintWriter out) {
    Answerer answerer = answerers.get();
    if (!(answerer instanceof ExtractiveAnswerer extractive)) {
      throw new IllegalArgumentException("calibrate-refusal calibrates the extractive answerer,"
          + " but a language model answers (unset groundwork.llm.provider)");
    }
    DevSet set = DevSet.load(questions);
    SourceFiles source = ingestion.pipeline().sourceFiles(set.source());
    AnswerEvaluation evaluation = new AnswerEvaluation(source, user -> CliCaller.resolve(user, users));
    evaluation.check(set);
    if (!noIngest) {
      IngestionReport report = ingestion.runSource(set.source(), "calibrate-refusal",
          IngestionListener.NONE);
      if (!report.failed().isEmpty()) {
        throw new IllegalStateException(report.failed().size() + " files of source "
            + set.source() + " did not ingest; the calibration would not be comparable");
      }
    }
    out.printf("dev set     %s: %d questions over source %s%n", questions,
        set.questions().size(), set.source());
    out.flush();
    List<Example> examples = new ArrayList<>();
    for (DevQuestion q : set.questions()) {
      Caller caller = CliCaller.resolve(q.user(), users);
      List<RetrievedChunk> chunks = qa.search(caller, q.question(), null, Set.of(), Set.of())
          .chunks();
      ExtractiveAnswerer.Assessed assessed =
          extractive.assess(new AnswerRequest(q.question(), chunks));
      Answer proposed = assessed.proposed();
      boolean fact = proposed != null
          && AnswerEvaluation.containsFact(proposed.text(), q.facts());
      boolean sourceRight = proposed != null && !proposed.citations().isEmpty()
          && q.documents().contains(proposed.citations().getFirst().path());
      examples.add(new Example(q.id(), ConfidenceModel.features(assessed.signals()),
          evaluation.kind(q).refusalExpected(), proposed != null, fact, sourceRight));
    }
    return examples;
  }


  private void writeModel(Calibrated calibrated, int questionCount, long expecting) {
    List<String> comment = List.of(
        "Weights of the extractive answerer's confidence model (answer.ConfidenceModel):",
        "logistic regression of \"a refusal is not expected\" on the answer's signals, fitted on",
        String.format(Locale.ROOT, "the development set (%s, %d questions, %d expecting a"
            + " refusal)", questions, questionCount, expecting),
        answerers.get() instanceof ExtractiveAnswerer extractive ? String.format(Locale.ROOT,
            "(signals measured with groundwork.answer.min-evidence %s)", extractive.minEvidence())
            : "(signals measured by the extractive answerer)",
        String.format(Locale.ROOT, "with L2 penalty %s on standardised signals, chosen by %d-fold"
            + " cross-validation (seed %d).", calibrated.penalty(), folds, seed),
        "threshold: the refusal threshold of the best refusal F1 (averaged over neighbouring"
            + " thresholds) (groundwork.answer.min-confidence overrides it).",
        "Refit with: groundwork calibrate-refusal --write"
            + " src/main/resources/io/groundwork/answer/confidence-model.properties");
    ReportFiles.writeString(write,
        calibrated.model().withThreshold(calibrated.threshold()).toProperties(comment));
  }

  private static void save(List<Example> examples, Path file) {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode root = mapper.createArrayNode();
    for (Example e : examples) {
      ObjectNode node = root.addObject();
      node.put("id", e.id());
      ObjectNode features = node.putObject("signals");
      for (int i = 0; i < e.features().length; i++) {
        features.put(ConfidenceModel.SIGNAL_NAMES.get(i), e.features()[i]);
      }
      node.put("refusalExpected", e.refusalExpected());
      node.put("proposed", e.proposed());
      node.put("factIfAnswered", e.factIfAnswered());
      node.put("sourceIfAnswered", e.sourceIfAnswered());
    }
    ReportFiles.writeJson(mapper, file, root);
  }

  private static List<Example> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      List<Example> examples = new ArrayList<>();
      for (JsonNode node : root) {
        double[] features = new double[ConfidenceModel.SIGNAL_NAMES.size()];
        for (int i = 0; i < features.length; i++) {
          JsonNode value = node.path("signals").get(ConfidenceModel.SIGNAL_NAMES.get(i));
          if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(file + ": question '" + node.path("id").asText()
                + "' has no signal '" + ConfidenceModel.SIGNAL_NAMES.get(i) + "'");
          }
          features[i] = value.asDouble();
        }
        examples.add(new Example(node.path("id").asText(), features,
            node.path("refusalExpected").asBoolean(), node.path("proposed").asBoolean(),
            node.path("factIfAnswered").asBoolean(), node.path("sourceIfAnswered").asBoolean()));
      }
      return examples;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
