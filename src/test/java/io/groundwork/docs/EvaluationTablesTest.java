package io.groundwork.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.groundwork.eval.AnswerRegressionSpec;
import io.groundwork.eval.RegressionSpec;
import io.groundwork.eval.ensemble.EnsembleRegression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The figures tables of {@code docs/evaluation.md} are rendered from the checked-in regression
 * files ({@code ingestion/eval/*.yaml}, and the CI regressions in
 * {@code src/test/resources/eval/*.yaml}, the answer regressions in
 * {@code ingestion/eval/answers/*.yaml}), which hold each dataset, its configuration, the
 * expected figures and the tolerance. This test fails when the page's generated section differs
 * from them; {@code -Dgroundwork.docs.write=true} rewrites it:
 *
 * <pre>./mvnw -B -ntp test -Dtest=EvaluationTablesTest -Dgroundwork.docs.write=true</pre>
 */
class EvaluationTablesTest {
  static final Path PROJECT = Path.of(System.getProperty("user.dir"));
  static final Path PAGE = PROJECT.resolve("docs/evaluation.md");
  static final String START =
      "<!-- generated: do not edit; EvaluationTablesTest renders it from the regression files -->";

  /** Folders of regression files, with the heading of their table. */
  static final Map<String, String> FOLDERS = Map.of(
      "ingestion/eval", "Retrieval regressions on public datasets (run by hand)",
      "src/test/resources/eval", "Regressions run by the test suite");
  static final List<String> ORDER = List.of("ingestion/eval", "src/test/resources/eval");
  /** Folder of the ensemble regressions (cross-validated, with costs). */
  static final String ENSEMBLES = "ingestion/eval/ensemble";
  /** Folder of the answer regressions. */
  static final String ANSWERS = "ingestion/eval/answers";

  @Test
  void theTablesAreGeneratedFromTheRegressionFiles() {
    String message = new GeneratedSection(PAGE, START).check(render(PROJECT),
        EvaluationTablesTest.class.getSimpleName());
    if (message != null) {
      fail(message);
    }
  }

  @Test
  void everyRegressionFileIsInTheTables() {
    assertThat(regressionFiles(PROJECT.resolve("ingestion/eval"))).isNotEmpty();
    String rendered = render(PROJECT);
    for (String folder : ORDER) {
      for (Path file : regressionFiles(PROJECT.resolve(folder))) {
        assertThat(rendered).contains(folder + "/" + file.getFileName());
      }
    }
    assertThat(regressionFiles(PROJECT.resolve(ENSEMBLES))).isNotEmpty();
    for (Path file : regressionFiles(PROJECT.resolve(ENSEMBLES))) {
      assertThat(rendered).contains(ENSEMBLES + "/" + file.getFileName());
    }
    assertThat(regressionFiles(PROJECT.resolve(ANSWERS))).isNotEmpty();
    for (Path file : regressionFiles(PROJECT.resolve(ANSWERS))) {
      assertThat(rendered).contains(ANSWERS + "/" + file.getFileName());
    }
  }

  /** The generated section: one table per folder of regression files. */
  static String render(Path project) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    StringBuilder out = new StringBuilder();
    for (String folder : ORDER) {
      List<Path> files = regressionFiles(project.resolve(folder));
      if (files.isEmpty()) {
        continue;
      }
      out.append("### ").append(FOLDERS.get(folder)).append("\n\n");
      out.append("| regression | dataset | configuration | nDCG@10 | Recall@100 | MRR@10"
          + " | tolerance |\n");
      out.append("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
      for (Path file : files) {
        RegressionSpec spec = RegressionSpec.load(file);
        JsonNode node;
        try {
          node = yaml.readTree(Files.readString(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        String relative = folder + "/" + file.getFileName();
        out.append("| ").append(cell(spec.name())).append("<br>[`").append(relative)
            .append("`](../").append(relative).append(") | ")
            .append(dataset(project, spec)).append(" | ")
            .append(configuration(node.path("configuration"))).append(" | ")
            .append(metric(spec, "ndcg@10")).append(" | ")
            .append(metric(spec, "recall@100")).append(" | ")
            .append(metric(spec, "mrr@10")).append(" | ")
            .append(plain(spec.tolerance())).append(" |\n");
      }
      out.append('\n');
    }
    out.append("Each row is checked by `eval --regression FILE`, which exits with code 4 when a "
        + "metric falls more than the tolerance below its expected value.\n\n");
    renderEnsembles(project, out);
    renderAnswers(project, out);
    return out.toString().strip();
  }

  /** The ensemble regressions ({@code ingestion/eval/ensemble/*.yaml}), run by hand. */
  static void renderEnsembles(Path project, StringBuilder out) {
    for (Path file : regressionFiles(project.resolve(ENSEMBLES))) {
      EnsembleRegression spec = EnsembleRegression.load(file);
      String relative = ENSEMBLES + "/" + file.getFileName();
      out.append("### ").append(cell(spec.name())).append(" (run by hand)\n\n");
      out.append("[`").append(relative).append("`](../").append(relative).append("), ")
          .append(dataset(project, spec.corpus(), spec.qrels())).append(", ")
          .append(spec.folds()).append(" folds (seed ").append(spec.seed())
          .append("), tolerance ").append(plain(spec.tolerance())).append(".\n\n");
      out.append("| sources | configuration (chosen on most folds) | nDCG@10 (CV mean ± spread)"
          + " | indexing chunks/s | query p50 / p95 ms | RSS MB | model files MB |\n");
      out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
      for (EnsembleRegression.Row row : spec.rows()) {
        out.append("| ").append(cell(row.sources())).append(" | `")
            .append(row.chosen()).append("` | ")
            .append(format(row.ndcg())).append(" ± ").append(format(row.spread())).append(" | ")
            .append(row.chunksPerSecond() == 0 ? "-"
                : String.format(Locale.ROOT, "%.1f", row.chunksPerSecond())).append(" | ")
            .append(String.format(Locale.ROOT, "%.1f / %.1f", row.queryP50(), row.queryP95()))
            .append(" | ").append(String.format(Locale.ROOT, "%.0f", row.rssMb())).append(" | ")
            .append(String.format(Locale.ROOT, "%.0f", row.filesMb())).append(" |\n");
      }
      out.append("\nChecked by `bench-ensemble --regression FILE`, which exits with code 4 when a"
          + " row's cross-validated nDCG@10 falls more than the tolerance below its expected"
          + " value.\n\n");
    }
  }

  /** The answer regressions ({@code ingestion/eval/answers/*.yaml}), run by the test suite. */
  static void renderAnswers(Path project, StringBuilder out) {
    List<Path> files = regressionFiles(project.resolve(ANSWERS));
    if (files.isEmpty()) {
      return;
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    out.append("### Answer regressions on the sample corpus (run by the test suite)\n\n");
    out.append("| regression | dev set | configuration | key facts | right source first"
        + " | refusal precision | refusal recall | leaks | tolerance |\n");
    out.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Path file : files) {
      AnswerRegressionSpec spec = AnswerRegressionSpec.load(file);
      JsonNode node;
      try {
        node = yaml.readTree(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String relative = ANSWERS + "/" + file.getFileName();
      Path questions = project.toAbsolutePath().relativize(spec.questions().toAbsolutePath());
      out.append("| ").append(cell(spec.name())).append("<br>[`").append(relative)
          .append("`](../").append(relative).append(") | `")
          .append(questions.toString().replace('\\', '/')).append("` | ")
          .append(configuration(node.path("configuration"))).append(" | ")
          .append(answerMetric(spec, "key-fact-rate")).append(" | ")
          .append(answerMetric(spec, "right-source-first")).append(" | ")
          .append(answerMetric(spec, "refusal-precision")).append(" | ")
          .append(answerMetric(spec, "refusal-recall")).append(" | ")
          .append(spec.expected().containsKey("leaks")
              ? "at most " + plain(spec.expected().get("leaks")) : "-").append(" | ")
          .append(plain(spec.tolerance())).append(" |\n");
    }
    out.append("\nEach row is checked by `eval-answers --regression FILE` (and by"
        + " `EvalAnswersCommandTest`), which exits with code 4 when a rate falls more than the"
        + " tolerance below its expected value or when any citation leaks.");
  }

  private static String answerMetric(AnswerRegressionSpec spec, String name) {
    Double value = spec.expected().get(name);
    return value == null ? "-" : format(value);
  }

  private static String dataset(Path project, RegressionSpec spec) {
    return dataset(project, spec.corpus(), spec.qrels());
  }

  private static String dataset(Path project, Path corpusFile, Path qrels) {
    Path corpus = project.toAbsolutePath().relativize(corpusFile.toAbsolutePath()).normalize();
    Path folder = corpus.getParent() == null ? Path.of(".") : corpus.getParent();
    return "`" + folder.toString().replace('\\', '/') + "`, qrels `"
        + qrels.getFileName() + "`";
  }

  private static String configuration(JsonNode configuration) {
    if (configuration.isMissingNode() || configuration.isEmpty()) {
      return "defaults";
    }
    List<String> parts = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = configuration.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      parts.add("`" + field.getKey() + " " + field.getValue().asText() + "`");
    }
    return String.join(", ", parts);
  }

  private static String metric(RegressionSpec spec, String name) {
    Double value = spec.expected().get(name);
    return value == null ? "-" : format(value);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String plain(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  private static List<Path> regressionFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
