package io.groundwork.bench;

import io.groundwork.bench.VectorBenchmark.Figures;
import io.groundwork.embed.Embedder;
import jakarta.enterprise.inject.Instance;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Benchmark (prints figures; not a test): pgvector HNSW against Lucene HNSW on the same vectors
 * and queries, at the real size (every sentence of SciFact embedded on its own) and at a larger
 * size made of perturbed copies, with and without a selective access filter.
 */
@Command(name = "bench-vectors", description = "Benchmark vector search: pgvector HNSW vs Lucene"
    + " HNSW (recall@k against exact search, p50/p95 latency), with and without a selective filter.")
public class BenchVectorsCommand implements Callable<Integer> {
  @Option(names = "--dataset", defaultValue = "/work/shared/datasets/scifact",
      description = "BEIR-layout SciFact folder (corpus.jsonl, queries.jsonl). Default: ${DEFAULT-VALUE}")
  Path dataset;

  @Option(names = "--cache-dir", defaultValue = "/tmp/groundwork-bench",
      description = "Where embedded vectors are cached between runs. Default: ${DEFAULT-VALUE}")
  Path cacheDir;

  @Option(names = "--db-url", defaultValue = "${env:GROUNDWORK_DB_URL}",
      description = "PostgreSQL (with pgvector) to benchmark in; a scratch table is created and"
          + " dropped. Default: $GROUNDWORK_DB_URL")
  String dbUrl;

  @Option(names = "--db-user", defaultValue = "${env:GROUNDWORK_DB_USER:-postgres}")
  String dbUser;

  @Option(names = "--db-password", defaultValue = "${env:GROUNDWORK_DB_PASSWORD:-}")
  String dbPassword;

  @Option(names = "--sizes", split = ",", defaultValue = "0,200000",
      description = "Collection sizes; 0 = the real sentences only, larger sizes add perturbed"
          + " copies. Default: ${DEFAULT-VALUE}")
  List<Integer> sizes;

  @Option(names = "--queries", defaultValue = "200", description = "Queries (SciFact claims) to run.")
  int queryCount;

  @Option(names = "--k", defaultValue = "10") int k;

  @Option(names = "--ef-search", defaultValue = "100",
      description = "HNSW candidate list: pgvector hnsw.ef_search, Lucene's k of the kNN query.")
  int efSearch;

  @Option(names = "--groups", defaultValue = "100",
      description = "Access groups the vectors are spread over; the filter admits one (1/groups).")
  int groups;

  @Option(names = "--sigma", defaultValue = "0.01",
      description = "Per-component Gaussian noise of the perturbed copies.")
  double sigma;

  @Spec
  CommandSpec spec;

  private final Instance<Embedder> embedder;

  public BenchVectorsCommand(Instance<Embedder> embedder) {
    this.embedder = embedder;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (dbUrl == null || dbUrl.isBlank() || dbUrl.equals("null")) {
      spec.commandLine().getErr().println("groundwork: give --db-url (or GROUNDWORK_DB_URL), a"
          + " PostgreSQL JDBC URL of a database with pgvector");
      return 2;
    }
    Files.createDirectories(cacheDir);
    VectorSet sentences = SciFactVectors.sentences(embedder.get(), dataset,
        cacheDir.resolve("scifact-sentences.vec"), n -> out.printf("embedded %d sentences%n", n));
    VectorSet claims = SciFactVectors.queries(embedder.get(), dataset,
        cacheDir.resolve("scifact-queries.vec"));
    List<float[]> queries = claims.vectors().subList(0, Math.min(queryCount, claims.size()));
    out.printf("real vectors: %d sentence embeddings (dimension %d); queries: %d claims%n",
        sentences.size(), sentences.dimension(), queries.size());
    out.flush();
    VectorBenchmark benchmark = new VectorBenchmark(new VectorBenchmark.Settings(k, efSearch, groups,
        20, dbUrl, dbUser, dbPassword, cacheDir), message -> {
          out.println("  .. " + message);
          out.flush();
        });
    List<Figures> all = new ArrayList<>();
    for (int size : sizes) {
      int n = size <= 0 ? sentences.size() : size;
      List<float[]> vectors = VectorBenchmark.grow(sentences.vectors(), n, sigma, 42);
      List<Figures> figures = benchmark.run(vectors, queries);
      all.addAll(figures);
      print(out, figures);
    }
    out.println();
    out.println("| vectors | filter | engine | recall@" + k + " | p50 ms | p95 ms | build s |");
    out.println("|---:|---|---|---:|---:|---:|---:|");
    for (Figures f : all) {
      out.printf("| %d | %s | %s | %.3f | %.2f | %.2f | %.0f |%n", f.size(),
          f.filtered() ? "1/" + groups : "none", f.engine(), f.recall(), f.p50Ms(), f.p95Ms(),
          f.buildSeconds());
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, List<Figures> figures) {
    for (Figures f : figures) {
      out.printf("%-14s n=%-7d filtered=%-5s recall=%.3f p50=%.2fms p95=%.2fms build=%.0fs%n",
          f.engine(), f.size(), f.filtered(), f.recall(), f.p50Ms(), f.p95Ms(), f.buildSeconds());
    }
    out.flush();
  }
}
