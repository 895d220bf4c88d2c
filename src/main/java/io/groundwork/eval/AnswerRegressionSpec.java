package io.groundwork.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked-in answer regression, as Anserini keeps them: a {@link DevSet} (path relative to the
 * file's folder unless absolute), the configuration it was measured with, the expected figures
 * and the tolerance. Rates fail when they fall more than the tolerance below their expected
 * value; {@code leaks} fails when it exceeds its expected value, whatever the tolerance (a leak
 * is never noise). Immutable.
 *
 * @param name what the regression measures
 * @param questions the dev set file
 * @param configuration how the figures were measured: {@code answerer} ({@code extractive},
 *     {@code ollama} or {@code openai}) is checked against the running process; other keys
 *     (the model, say) are recorded for the reader
 * @param expected metric name (see {@link #METRICS}) to value
 * @param tolerance how far below its expected value a rate may fall
 */
public record AnswerRegressionSpec(String name, Path questions, Map<String, String> configuration,
    Map<String, Double> expected, double tolerance) {

  /** The metric names an answer regression may expect. */
  public static final List<String> METRICS = List.of("key-fact-rate", "right-source-first",
      "refusal-precision", "refusal-recall", "leaks");

  public AnswerRegressionSpec {
    if (questions == null) {
      throw new IllegalArgumentException("an answer regression names its questions file");
    }
    if (expected == null || expected.isEmpty()) {
      throw new IllegalArgumentException(
          "an answer regression expects at least one metric of " + METRICS);
    }
    for (String metric : expected.keySet()) {
      if (!METRICS.contains(metric)) {
        throw new IllegalArgumentException("unknown metric '" + metric + "'; known: " + METRICS);
      }
    }
    if (tolerance < 0) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
    configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
    expected = new LinkedHashMap<>(expected);
  }

  record FileForm(String name, String questions, Map<String, String> configuration,
      Map<String, Double> expected, Double tolerance) {}

  /** Reads a regression file, resolving the questions path against its folder. */
  public static AnswerRegressionSpec load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    FileForm form;
    try {
      form = new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(Files.readString(file), FileForm.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read regression " + file + ": " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    return new AnswerRegressionSpec(form.name() == null ? file.getFileName().toString() : form.name(),
        form.questions() == null ? null : base.resolve(form.questions()).normalize(),
        form.configuration(), form.expected(), form.tolerance() == null ? 0 : form.tolerance());
  }

  /** The answerer the figures were measured with, or null when the file does not say. */
  public String answerer() {
    return configuration.get("answerer");
  }

  /**
   * One metric's verdict.
   *
   * @param metric the metric
   * @param expected its expected value
   * @param actual the measured value
   * @param tolerance how far below expected a rate may fall (0 for leaks)
   * @param atMost true when the metric must not exceed expected (leaks), false when it must not
   *     fall below expected - tolerance
   */
  public record Check(String metric, double expected, double actual, double tolerance,
      boolean atMost) {
    public boolean passed() {
      return atMost ? actual <= expected + 1e-12 : actual >= expected - tolerance - 1e-12;
    }
  }

  /** Compares measured figures with the expected ones. */
  public List<Check> check(AnswerEvaluation.Figures figures) {
    List<Check> checks = new ArrayList<>();
    for (Map.Entry<String, Double> entry : expected.entrySet()) {
      boolean leaks = entry.getKey().equals("leaks");
      checks.add(new Check(entry.getKey(), entry.getValue(), figures.metric(entry.getKey()),
          leaks ? 0 : tolerance, leaks));
    }
    return checks;
  }
}
