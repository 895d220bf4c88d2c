package io.groundwork.bench;

import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbedderProducer;
import io.groundwork.embed.EmbeddingModelSpec;
import io.groundwork.eval.BeirDataset;
import io.groundwork.eval.DatasetOptions;
import io.groundwork.eval.EvalIndex;
import io.groundwork.eval.EvalPipeline;
import io.groundwork.eval.ensemble.Bm25Search;
import io.groundwork.eval.ensemble.ChunkAggregation;
import io.groundwork.eval.ensemble.CrossValidation;
import io.groundwork.eval.ensemble.EnsembleGrid;
import io.groundwork.eval.ensemble.EnsembleGrid.Configuration;
import io.groundwork.eval.ensemble.EnsembleRegression;
import io.groundwork.eval.ensemble.EnsembleScorer;
import io.groundwork.eval.ensemble.ExactVectorSearch;
import io.groundwork.eval.ensemble.Folds;
import io.groundwork.eval.ensemble.RankFusion;
import io.groundwork.eval.ensemble.Scored;
import io.groundwork.text.TermAnalyzer;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmark (prints figures; not a test): small CPU embedding models alone and fused with BM25,
 * on a BEIR dataset, chosen by k-fold cross-validation over the queries, with the cost of each
 * row. Every chunk (the pipeline's chunker) is embedded by every model once and cached in the
 * data directory; vector search is exact, so that the figures measure the models, not an
 * approximate index.
 */
@Command(name = "bench-ensemble", description = "Cross-validated retrieval quality and cost of"
    + " small embedding models alone and fused with BM25 (RRF or weighted), with document"
    + " aggregation and BM25 parameters chosen on k-1 folds and scored on the held-out fold.")
public class BenchEnsembleCommand implements Callable<Integer> {
  @Mixin
  DatasetOptions dataset;

  @Option(names = "--regression", paramLabel = "FILE",
      description = "Ensemble regression (ingestion/eval/ensemble/*.yaml): dataset, folds and seed"
          + " from the file; exit code 4 when a row's mean falls below expected - tolerance.")
  Path regression;

  @Option(names = "--write-regression", paramLabel = "FILE",
      description = "Write the measured rows as an ensemble regression file.")
  Path writeRegression;

  @Option(names = "--models", split = ",",
      defaultValue = "bge-small-en-v1.5-q,bge-small-en-v1.5,e5-small-v2",
      description = "Models to compare; those whose files are not on the class path (Maven"
          + " profiles model-bge-small, model-e5-small) are left out. Default: ${DEFAULT-VALUE}")
  List<String> models;

  @Option(names = "--folds", defaultValue = "5") int foldCount;

  @Option(names = "--seed", defaultValue = "42") long seed;

  @Option(names = "--candidates", defaultValue = "100",
      description = "Candidates each search contributes to the fusion. Default: ${DEFAULT-VALUE}")
  int candidates;

  @Option(names = "--latency-queries", defaultValue = "200",
      description = "Queries timed end to end per row. Default: ${DEFAULT-VALUE}")
  int latencyQueries;

  @Option(names = "--throughput-passages", defaultValue = "256",
      description = "Chunks embedded (uncached) to measure each model's indexing throughput.")
  int throughputPassages;

  @Spec
  CommandSpec spec;

  private final Provider<EvalPipeline> pipeline;
  /** The document ordinal of each chunk ordinal. */
  private int[] documentOfChunk;

  public BenchEnsembleCommand(Provider<EvalPipeline> pipeline) {
    this.pipeline = pipeline;
  }

  /** A loaded model and what it costs. */
  record Model(String id, Embedder embedder, ExactVectorSearch search, double chunksPerSecond,
      double rssMb, double filesMb) {}

  /** One row of the table. */
  record Row(String sources, List<Configuration> configurations, CrossValidation.Result result,
      Configuration chosen, double chunksPerSecond, double p50, double p95, double rssMb,
      double filesMb) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    EnsembleRegression expected = null;
    if (regression != null) {
      expected = EnsembleRegression.load(regression);
      dataset.defaultFiles(expected.corpus(), expected.queries(), expected.qrels());
      foldCount = expected.folds();
      seed = expected.seed();
    }
    dataset.requireFiles(spec.commandLine());
    EvalPipeline pipe = pipeline.get();
    BeirDataset data = dataset.load();
    Path dataDir = pipe.dataDir(dataset).toAbsolutePath();
    Files.createDirectories(dataDir);
    List<String> queryIds = data.judgedQueries();
    Folds folds = new Folds(queryIds, foldCount, seed);

    // Chunks, as the evaluation index holds them.
    List<String> texts = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<String> embedded = new ArrayList<>();
    List<Integer> documentOf = new ArrayList<>();
    List<String> documentIds = new ArrayList<>();
    for (BeirDataset.CorpusDocument document : data.corpus()) {
      for (EvalIndex.Passage passage : EvalIndex.passagesOf(document, pipe.chunker())) {
        texts.add(passage.chunk().text());
        titles.add(passage.chunk().title());
        embedded.add(passage.embeddedText());
        documentOf.add(documentIds.size());
      }
      documentIds.add(document.id());
    }
    out.printf(Locale.ROOT, "dataset   %s: %d documents, %d chunks, %d judged queries, %d folds"
        + " (seed %d)%n", dataset.corpus(), documentIds.size(), texts.size(), queryIds.size(),
        foldCount, seed);
    out.flush();
    documentOfChunk = documentOf.stream().mapToInt(i -> i).toArray();
    EnsembleScorer scorer = new EnsembleScorer(documentOfChunk, documentIds, data.qrels());

    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService embedThreads = Executors.newFixedThreadPool(cores,
        EmbedderProducer.namedDaemonThreads("bench-ensemble-embed-"));
    ExecutorService encoders = Executors.newFixedThreadPool(2,
        EmbedderProducer.namedDaemonThreads("groundwork-query-encoders-"));
    Map<String, Model> loaded = new LinkedHashMap<>();
    try {
      for (String id : models) {
        EmbeddingModelSpec modelSpec = EmbeddingModelSpec.byId(id);
        if (!modelSpec.available()) {
          out.printf("model     %s: files not on the class path, left out (build with its Maven"
              + " profile)%n", id);
          continue;
        }
        long rssBefore = rssKb();
        Embedder embedder = EmbedderProducer.load(modelSpec, embedThreads, 1, cores, 32,
            pipe.dataDir(dataset)).withQueryInstruction(pipe.embeddingConfig().queryInstruction());
        double perSecond = throughput(embedder, embedded);
        double rssMb = (rssKb() - rssBefore) / 1024.0;
        long t0 = System.nanoTime();
        List<float[]> vectors = EvalIndex.cachedVectors(dataDir, embedder, embedded);
        List<String> queryTexts = queryIds.stream().map(q -> data.queries().get(q)).toList();
        List<float[]> queryVectors = EvalIndex.cachedQueryVectors(dataDir, embedder, queryTexts);
        ExactVectorSearch search = new ExactVectorSearch(vectors);
        for (int q = 0; q < queryIds.size(); q++) {
          scorer.putVectors(queryIds.get(q), id, search.search(queryVectors.get(q), candidates));
        }
        Model model = new Model(id, embedder, search, perSecond, rssMb, filesMb(modelSpec));
        loaded.put(id, model);
        out.printf(Locale.ROOT, "model     %s: %.1f chunks/s indexing, +%.0f MB RSS, %.1f MB of"
            + " files; vectors ready in %.1f s%n", id, perSecond, rssMb, model.filesMb(),
            (System.nanoTime() - t0) / 1e9);
        out.flush();
      }
      EnsembleGrid grid = new EnsembleGrid(
          List.of(new float[] {0.9f, 0.4f}, new float[] {0.9f, 0.5f}, new float[] {1.2f, 0.5f},
              new float[] {1.2f, 0.75f}, new float[] {1.5f, 0.75f}),
          List.of(0.5, 1.0, 1.5, 2.0, 3.0),
          List.of(ChunkAggregation.MAX, new ChunkAggregation(2), new ChunkAggregation(3)), 60);
      try (Bm25Search bm25 = new Bm25Search(texts, titles,
          TermAnalyzer.named(pipe.indexConfig().analyzer()), pipe.indexConfig().contextBoost())) {
        for (float[] kb : grid.bm25Parameters()) {
          for (String q : queryIds) {
            scorer.putBm25(q, kb[0], kb[1], bm25.search(data.queries().get(q), kb[0], kb[1],
                candidates));
          }
        }
        List<Row> rows = rows(grid, loaded, scorer, folds, queryIds, data, bm25, encoders);
        print(out, rows, folds);
        axes(out, grid, loaded, scorer, folds, queryIds);
        if (writeRegression != null) {
          write(writeRegression, rows);
          out.println("wrote " + writeRegression);
        }
        if (expected != null) {
          Map<String, Double> measured = new HashMap<>();
          rows.forEach(r -> measured.put(r.sources(), r.result().mean()));
          boolean passed = true;
          for (EnsembleRegression.Check check : expected.check(measured)) {
            out.printf(Locale.ROOT, "regression %-45s expected %.4f, got %.4f: %s%n",
                check.sources(), check.expected(), check.actual(),
                check.passed() ? "ok" : "FAILED");
            passed &= check.passed();
          }
          out.flush();
          return passed ? 0 : 4;
        }
      }
      out.flush();
      return 0;
    } finally {
      encoders.shutdownNow();
      embedThreads.shutdownNow();
    }
  }

  private List<Row> rows(EnsembleGrid grid, Map<String, Model> loaded, EnsembleScorer scorer,
      Folds folds, List<String> queryIds, BeirDataset data, Bm25Search bm25,
      ExecutorService encoders) {
    List<Row> rows = new ArrayList<>();
    String defaultModel = EmbeddingModelSpec.BGE_SMALL_EN_V15_Q.id();
    if (loaded.containsKey(defaultModel)) {
      Configuration fixed = new Configuration(true, List.of(defaultModel),
          new RankFusion(RankFusion.Method.WEIGHTED, 60), List.of(1.0, 1.0), 1.2f, 0.75f,
          ChunkAggregation.MAX);
      rows.add(row("default", List.of(fixed), loaded, scorer, folds, queryIds, data, bm25,
          encoders));
    }
    List<List<String>> families = new ArrayList<>();
    families.add(List.of());
    for (String id : loaded.keySet()) {
      families.add(List.of(id));
    }
    List<String> ids = new ArrayList<>(loaded.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        families.add(List.of(ids.get(i), ids.get(j)));
      }
    }
    for (List<String> family : families) {
      if (!family.isEmpty()) {
        rows.add(row(null, grid.family(false, family), loaded, scorer, folds, queryIds, data,
            bm25, encoders));
      }
      rows.add(row(null, grid.family(true, family), loaded, scorer, folds, queryIds, data, bm25,
          encoders));
    }
    return rows;
  }

  private Row row(String name, List<Configuration> configurations, Map<String, Model> loaded,
      EnsembleScorer scorer, Folds folds, List<String> queryIds, BeirDataset data,
      Bm25Search bm25, ExecutorService encoders) {
    List<Map<String, Double>> scores = new ArrayList<>();
    for (Configuration configuration : configurations) {
      scores.add(scorer.ndcgAt10(configuration, queryIds));
    }
    CrossValidation.Result result = CrossValidation.choose(scores, folds);
    // The configuration chosen on most folds (ties: the earlier in the grid) is the one timed.
    Map<Integer, Long> votes = result.chosen().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    int chosen = votes.entrySet().stream()
        .max(Comparator.comparingLong(Map.Entry<Integer, Long>::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow().getKey();
    Configuration configuration = configurations.get(chosen);
    double inverse = 0;
    double rss = 0;
    double files = 0;
    for (String model : configuration.models()) {
      inverse += 1 / loaded.get(model).chunksPerSecond();
      rss += loaded.get(model).rssMb();
      files += loaded.get(model).filesMb();
    }
    double[] latency = latency(configuration, loaded, queryIds, data, bm25, encoders);
    return new Row(name != null ? name : configuration.sources(), configurations, result,
        configuration, inverse == 0 ? Double.NaN : 1 / inverse, latency[0], latency[1], rss,
        files);
  }

  /** p50 and p95 in ms of one query end to end: encode, search, fuse, aggregate. */
  private double[] latency(Configuration configuration, Map<String, Model> loaded,
      List<String> queryIds, BeirDataset data, Bm25Search bm25, ExecutorService encoders) {
    List<String> sample = queryIds.subList(0, Math.min(latencyQueries, queryIds.size()));
    List<Double> millis = new ArrayList<>();
    int warmUp = Math.min(20, sample.size());
    for (int i = 0; i < warmUp + sample.size(); i++) {
      String query = data.queries().get(sample.get(i % sample.size()));
      long t0 = System.nanoTime();
      List<List<Scored>> rankings = new ArrayList<>();
      if (configuration.bm25()) {
        rankings.add(bm25.search(query, configuration.k1(), configuration.b(), candidates));
      }
      List<float[]> vectors = encode(configuration.models(), loaded, query, encoders);
      for (int m = 0; m < vectors.size(); m++) {
        rankings.add(loaded.get(configuration.models().get(m)).search()
            .search(vectors.get(m), candidates));
      }
      List<Scored> fused = configuration.fusion().fuse(rankings,
          configuration.weights().stream().mapToDouble(Double::doubleValue).toArray());
      configuration.aggregation().documents(fused, documentOfChunk);
      if (i >= warmUp) {
        millis.add((System.nanoTime() - t0) / 1e6);
      }
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new double[] {percentile(sorted, 50), percentile(sorted, 95)};
  }

  /**
   * The query's vector under each model: one model spreads its inference over every core; two
   * or more run side by side on the {@code groundwork-query-encoders} threads, one core each.
   */
  static List<float[]> encode(List<String> models, Map<String, Model> loaded, String query,
      ExecutorService encoders) {
    if (models.size() == 1) {
      return List.of(loaded.get(models.get(0)).embedder().embedQuery(query));
    }
    List<CompletableFuture<float[]>> pending = new ArrayList<>();
    for (String model : models) {
      Embedder embedder = loaded.get(model).embedder();
      pending.add(CompletableFuture.supplyAsync(() -> embedder.embedQueryAlongside(query),
          encoders));
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  private double throughput(Embedder embedder, List<String> passages) {
    List<String> sample = passages.subList(0, Math.min(throughputPassages, passages.size()));
    embedder.embedPassages(sample.subList(0, Math.min(16, sample.size())));
    long t0 = System.nanoTime();
    embedder.embedPassages(sample);
    return sample.size() / ((System.nanoTime() - t0) / 1e9);
  }

  private void print(PrintWriter out, List<Row> rows, Folds folds) {
    out.println();
    out.printf("| sources | configuration (chosen on most folds) | nDCG@10 (%d-fold CV) | per fold |"
        + " chunks/s | query p50 / p95 ms | RSS MB | files MB |%n", folds.count());
    out.println("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |");
    for (Row row : rows) {
      out.printf(Locale.ROOT, "| %s | %s | %.4f ± %.4f | %s | %s | %.1f / %.1f | %.0f | %.0f |%n",
          row.sources(), row.chosen().label(), row.result().mean(), row.result().spread(),
          row.result().heldOut().stream().map(v -> String.format(Locale.ROOT, "%.3f", v))
              .collect(Collectors.joining(" ")),
          Double.isNaN(row.chunksPerSecond()) ? "-"
              : String.format(Locale.ROOT, "%.1f", row.chunksPerSecond()),
          row.p50(), row.p95(), row.rssMb(), row.filesMb());
    }
    Row reference = rows.stream().filter(r -> r.sources().equals("default")).findFirst()
        .orElse(null);
    if (reference != null) {
      out.println();
      for (Row row : rows) {
        if (row != reference) {
          List<Double> deltas = CrossValidation.pairedDifferences(row.result(),
              reference.result());
          out.printf(Locale.ROOT, "paired delta vs default  %-48s %+.4f ± %.4f%n", row.sources(),
              deltas.stream().mapToDouble(Double::doubleValue).average().orElse(0),
              CrossValidation.standardDeviation(deltas));
        }
      }
    }
    out.flush();
  }

  /** Each axis value's cross-validated figure within the BM25 + model families. */
  private void axes(PrintWriter out, EnsembleGrid grid, Map<String, Model> loaded,
      EnsembleScorer scorer, Folds folds, List<String> queryIds) {
    out.println();
    out.println("| family | axis value | nDCG@10 (CV, rest of the grid chosen on the folds) |");
    out.println("| --- | --- | ---: |");
    List<List<String>> families = new ArrayList<>();
    families.add(List.of());
    loaded.keySet().forEach(id -> families.add(List.of(id)));
    for (List<String> family : families) {
      List<Configuration> configurations = grid.family(true, family);
      Map<String, List<Map<String, Double>>> byValue = new LinkedHashMap<>();
      for (Configuration c : configurations) {
        Map<String, Double> scores = scorer.ndcgAt10(c, queryIds);
        byValue.computeIfAbsent(String.format(Locale.ROOT, "bm25 k1=%s b=%s", c.k1(), c.b()),
            k -> new ArrayList<>()).add(scores);
        byValue.computeIfAbsent("aggregation " + c.aggregation(), k -> new ArrayList<>())
            .add(scores);
        if (c.weights().size() > 1) {
          String fusion = c.fusion().method() == RankFusion.Method.RRF ? "fusion rrf"
              : "fusion weighted 1:" + c.weights().get(1);
          byValue.computeIfAbsent(fusion, k -> new ArrayList<>()).add(scores);
        }
      }
      String name = family.isEmpty() ? "bm25" : "bm25 + " + family.get(0);
      byValue.forEach((value, scores) -> {
        CrossValidation.Result result = CrossValidation.choose(scores, folds);
        out.printf(Locale.ROOT, "| %s | %s | %.4f ± %.4f |%n", name, value, result.mean(),
            result.spread());
      });
    }
    out.flush();
  }

  private static void write(Path file, List<Row> rows) throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("rows:\n");
    for (Row row : rows) {
      yaml.append(String.format(Locale.ROOT, "  - sources: %s%n    chosen: \"%s\"%n"
              + "    ndcg@10: %.4f%n    spread: %.4f%n    chunks-per-second: %.1f%n"
              + "    query-p50-ms: %.1f%n    query-p95-ms: %.1f%n    rss-mb: %.0f%n"
              + "    files-mb: %.0f%n", row.sources(), row.chosen().label(), row.result().mean(),
          row.result().spread(), Double.isNaN(row.chunksPerSecond()) ? 0 : row.chunksPerSecond(),
          row.p50(), row.p95(), row.rssMb(), row.filesMb()));
    }
    Files.writeString(file, yaml.toString());
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Resident memory of this process, from /proc (0 where there is none). */
  static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static double filesMb(EmbeddingModelSpec spec) {
    long bytes = 0;
    for (String resource : List.of(spec.onnxResource(), spec.tokenizerResource())) {
      URL url = EmbeddingModelSpec.class.getClassLoader().getResource(resource);
      if (url != null) {
        try (InputStream in = url.openStream()) {
          bytes += in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
          return Double.NaN;
        }
      }
    }
    return bytes / 1e6;
  }
}
