package io.groundwork.eval.ensemble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A checked-in ensemble regression: a BEIR dataset (paths relative to the file's folder), the
 * folds and seed of the cross-validation, and one row per family of sources with its expected
 * cross-validated nDCG@10 (mean over the folds' held-out queries), spread and costs as measured.
 * {@code bench-ensemble --regression FILE} fails a row whose mean falls more than the tolerance
 * below the expected one. Immutable.
 *
 * @param name what the regression measures
 * @param corpus the corpus file
 * @param queries the queries file
 * @param qrels the qrels file
 * @param folds folds of the cross-validation
 * @param seed the folds' seed
 * @param tolerance how far below its expected mean a row may fall
 * @param rows the expected rows
 */
public record EnsembleRegression(String name, Path corpus, Path queries, Path qrels, int folds,
    long seed, double tolerance, List<Row> rows) {

  /**
   * One expected row.
   *
   * @param sources the family, e.g. {@code bm25 + bge-small-en-v1.5} (as
   *     {@link EnsembleGrid.Configuration#sources()}), or {@code default} for the fixed default
   *     configuration
   * @param chosen the configuration chosen most often over the folds
   * @param ndcg cross-validated nDCG@10
   * @param spread standard deviation of nDCG@10 over the folds
   * @param chunksPerSecond indexing throughput (embedding every model of the row)
   * @param queryP50 query latency p50, ms
   * @param queryP95 query latency p95, ms
   * @param rssMb resident memory the row's models add, MB
   * @param filesMb size of the row's model files, MB
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Row(String sources, String chosen, @JsonProperty("ndcg@10") double ndcg,
      double spread, @JsonProperty("chunks-per-second") double chunksPerSecond,
      @JsonProperty("query-p50-ms") double queryP50, @JsonProperty("query-p95-ms") double queryP95,
      @JsonProperty("rss-mb") double rssMb, @JsonProperty("files-mb") double filesMb) {}

  public EnsembleRegression {
    if (corpus == null || queries == null || qrels == null) {
      throw new IllegalArgumentException("an ensemble regression names its corpus, queries and"
          + " qrels");
    }
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2, got " + folds);
    }
    if (tolerance < 0) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
    if (rows == null || rows.isEmpty()) {
      throw new IllegalArgumentException("an ensemble regression expects at least one row");
    }
    rows = List.copyOf(rows);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record FileForm(String name, String corpus, String queries, String qrels, Integer folds,
      Long seed, Double tolerance, List<Row> rows) {}

  /** Reads a regression file, resolving dataset paths against its folder. */
  public static EnsembleRegression load(Path file) {
    FileForm form;
    try {
      form = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), FileForm.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read ensemble regression " + file + ": "
          + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    return new EnsembleRegression(form.name() == null ? file.getFileName().toString() : form.name(),
        resolve(base, form.corpus()), resolve(base, form.queries()), resolve(base, form.qrels()),
        form.folds() == null ? 5 : form.folds(), form.seed() == null ? 42 : form.seed(),
        form.tolerance() == null ? 0 : form.tolerance(), form.rows());
  }

  private static Path resolve(Path base, String path) {
    return path == null ? null : base.resolve(path).normalize();
  }

  /** One row's verdict; {@code actual} is NaN when the run had no such row. */
  public record Check(String sources, double expected, double actual, double tolerance) {
    public boolean passed() {
      return !Double.isNaN(actual) && actual >= expected - tolerance - 1e-12;
    }
  }

  /** Compares measured cross-validated means (by row sources) with the expected ones. */
  public List<Check> check(Map<String, Double> measured) {
    List<Check> checks = new ArrayList<>();
    for (Row row : rows) {
      checks.add(new Check(row.sources(), row.ndcg(),
          measured.getOrDefault(row.sources(), Double.NaN), tolerance));
    }
    return checks;
  }
}
