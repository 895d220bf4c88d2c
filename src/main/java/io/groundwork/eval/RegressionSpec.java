package io.groundwork.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 * A checked-in retrieval regression, as Anserini keeps them: a BEIR dataset (paths relative to
 * the file's folder unless absolute), the configuration to run it with, the expected metrics and
 * the tolerance below which a run fails. Immutable.
 *
 * @param name what the regression measures
 * @param corpus the corpus file
 * @param queries the queries file
 * @param qrels the qrels file
 * @param configuration retrieval and index settings, by their {@code eval} option names
 *     without dashes (model, mode, fusion, text-weight, vector-weight, candidates, rrf-k,
 *     analyzer, context-boost, chunk-tokens)
 * @param expected metric name ({@code ndcg@10}, {@code recall@100}, {@code mrr@10}) to value
 * @param tolerance how far below its expected value a metric may fall
 */
public record RegressionSpec(String name, Path corpus, Path queries, Path qrels,
    Map<String, String> configuration, Map<String, Double> expected, double tolerance) {

  /** The metric names a regression may expect. */
  public static final List<String> METRICS = List.of("ndcg@10", "recall@100", "mrr@10");

  public RegressionSpec {
    if (corpus == null || queries == null || qrels == null) {
      throw new IllegalArgumentException("a regression names its corpus, queries and qrels");
    }
    if (expected == null || expected.isEmpty()) {
      throw new IllegalArgumentException("a regression expects at least one metric of " + METRICS);
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

  record FileForm(String name, String corpus, String queries, String qrels,
      Map<String, String> configuration, Map<String, Double> expected,
      @JsonProperty("tolerance") Double tolerance) {}

  /** Reads a regression file, resolving dataset paths against its folder. */
  public static RegressionSpec load(Path file) {
    FileForm form;
    try {
      form = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), FileForm.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read regression " + file + ": " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    return new RegressionSpec(form.name() == null ? file.getFileName().toString() : form.name(),
        resolve(base, form.corpus()), resolve(base, form.queries()), resolve(base, form.qrels()),
        form.configuration(), form.expected(), form.tolerance() == null ? 0 : form.tolerance());
  }

  private static Path resolve(Path base, String path) {
    return path == null ? null : base.resolve(path).normalize();
  }

  /** One metric's verdict. */
  public record Check(String metric, double expected, double actual, double tolerance) {
    public boolean passed() {
      return actual >= expected - tolerance - 1e-12;
    }
  }

  /** Compares measured figures with the expected ones. */
  public List<Check> check(Evaluation.Figures figures) {
    List<Check> checks = new ArrayList<>();
    for (Map.Entry<String, Double> entry : expected.entrySet()) {
      double actual = switch (entry.getKey()) {
        case "ndcg@10" -> figures.ndcgAt10();
        case "recall@100" -> figures.recallAt100();
        case "mrr@10" -> figures.mrrAt10();
        default -> throw new IllegalStateException(entry.getKey());
      };
      checks.add(new Check(entry.getKey(), entry.getValue(), actual, tolerance));
    }
    return checks;
  }
}
