package io.groundwork.bench;

import io.groundwork.embed.Embedder;
import io.groundwork.eval.BeirDataset;
import io.groundwork.eval.DatasetOptions;
import io.groundwork.eval.EvalIndex;
import io.groundwork.eval.EvalPipeline;
import io.groundwork.eval.Evaluation;
import io.groundwork.ingest.Chunker;
import io.groundwork.retrieve.HybridRetriever;
import io.groundwork.retrieve.RetrievalResult;
import io.groundwork.retrieve.RetrievalSettings;
import io.groundwork.retrieve.Retriever;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints speed figures: embedding throughput (LangChain4j's setup, one core, the pipeline, raw
 * ONNX Runtime on the same passages), and retrieval side by side with LangChain4j's
 * InMemoryEmbeddingStore + EmbeddingStoreContentRetriever on the same corpus, queries and model.
 */
@Command(name = "bench", sortOptions = false, description = {
    "Benchmarks on a BEIR-layout dataset: embedding throughput (pipeline vs raw ONNX Runtime on",
    "the same passages) and retrieval quality, latency, indexing time and heap next to",
    "LangChain4j's InMemoryEmbeddingStore + EmbeddingStoreContentRetriever."})
public class BenchCommand implements Callable<Integer> {
  /** Required here (checked in {@link #call}); {@code eval} may take them from a regression. */
  @Mixin
  DatasetOptions datasetOptions;

  @Option(names = "--passages", defaultValue = "256",
      description = "Passages for the embedding throughput runs (default: ${DEFAULT-VALUE}).")
  int passageCount;

  @Option(names = "--skip-embedding", description = "Skip the embedding throughput runs.")
  boolean skipEmbedding;

  @Option(names = "--skip-peer", description = "Skip the retrieval comparison.")
  boolean skipPeer;

  @Spec
  CommandSpec spec;

  private final EvalPipeline pipeline;
  private Embedder embedder;
  private Chunker chunker;

  public BenchCommand(EvalPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    datasetOptions.requireFiles(spec.commandLine());
    BeirDataset dataset;
    try {
      dataset = datasetOptions.load();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("groundwork: " + e.getMessage());
      return 1;
    }
    embedder = pipeline.embedder();
    chunker = pipeline.chunker();
    Path dir = pipeline.dataDir(datasetOptions).toAbsolutePath();
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf("machine     %d cores, JDK %s, model %s%n", cores,
        Runtime.version(), embedder.spec().id());
    out.flush();
    if (!skipEmbedding) {
      embedding(out, dataset, cores);
    }
    if (!skipPeer) {
      peer(out, dataset, dir);
    }
    return 0;
  }

  private void embedding(PrintWriter out, BeirDataset dataset, int cores) {
    List<String> passages = new ArrayList<>();
    for (BeirDataset.CorpusDocument document : dataset.corpus()) {
      for (EvalIndex.Passage passage : EvalIndex.passagesOf(document, chunker)) {
        if (passages.size() < passageCount) {
          passages.add(passage.embeddedText());
        }
      }
      if (passages.size() >= passageCount) {
        break;
      }
    }
    int batch = pipeline.embeddingConfig().batchSize();
    EmbeddingThroughput bench = new EmbeddingThroughput(embedder.spec(), passages, batch, cores);
    out.printf("%nembedding throughput, %d passages (first chunks of the corpus, title + text),"
        + " %.0f characters on average%n", passages.size(),
        passages.stream().mapToInt(String::length).average().orElse(0));
    List<EmbeddingThroughput.Figure> figures = new ArrayList<>();
    figures.add(print(out, bench.langchain4j("LangChain4j bundled-model setup (" + cores
        + " executor threads x " + cores + " ONNX intra-op threads, input order)", cores, cores)));
    figures.add(print(out, bench.langchain4j("one core (1 executor thread x 1 intra-op thread)",
        1, 1)));
    EmbeddingThroughput.Figure pipeline = print(out, bench.pipeline(embedder));
    List<EmbeddingThroughput.Figure> raw = new ArrayList<>();
    raw.add(print(out, bench.rawOnnx(1, cores, batch)));
    raw.add(print(out, bench.rawOnnx(cores, 1, 8)));
    raw.add(print(out, bench.rawOnnx(cores, 1, 1)));
    EmbeddingThroughput.Figure best = raw.stream()
        .max(Comparator.comparingDouble(EmbeddingThroughput.Figure::perSecond)).orElseThrow();
    out.printf("pipeline reaches %.0f%% of the best raw ONNX Runtime figure (%.1f passages/s)%n",
        100 * pipeline.perSecond() / best.perSecond(), best.perSecond());
    out.flush();
  }

  private static EmbeddingThroughput.Figure print(PrintWriter out, EmbeddingThroughput.Figure f) {
    out.printf("  %7.1f passages/s  %6.1f s  %s%n", f.perSecond(), f.seconds(), f.name());
    out.flush();
    return f;
  }

  private void peer(PrintWriter out, BeirDataset dataset, Path dir) throws IOException {
    String analyzer = pipeline.indexConfig().analyzer();
    RetrievalSettings server = pipeline.settings();
    RetrievalSettings settings =
        server.withCandidates(Math.max(server.candidates(), Evaluation.DEPTH));
    out.printf("%nretrieval, %d documents, %d judged queries, model %s%n",
        dataset.corpus().size(), dataset.judgedQueries().size(), embedder.spec().id());
    out.flush();
    // Vectors are computed (or taken from the cache) once; both systems index the same vectors,
    // so indexing time below is the store's own work, after embedding.
    Path corpus = datasetOptions.corpus();
    float contextBoost = pipeline.indexConfig().contextBoost();
    EvalIndex.Opened shared = EvalIndex.open(dir, corpus, dataset.corpus(), embedder, chunker,
        analyzer, contextBoost);
    shared.index().close();
    EvalIndex.BuildStats stats = shared.stats();
    out.printf("  embedding every chunk once (shared by both): %d chunks, %s%n", stats.chunks(),
        stats.embedded() == stats.chunks()
            ? String.format("%.1f s", stats.embedMillis() / 1000.0)
            : "from the vector cache (see eval's indexing line for the time)");

    Path fresh = Files.createTempDirectory("groundwork-bench-");
    Files.copy(dir.resolve("vectors-" + embedder.spec().id() + ".bin"),
        fresh.resolve("vectors-" + embedder.spec().id() + ".bin"),
        StandardCopyOption.REPLACE_EXISTING);
    long heap0 = usedHeap();
    long t0 = System.nanoTime();
    EvalIndex.Opened ours = EvalIndex.open(fresh, corpus, dataset.corpus(), embedder, chunker,
        analyzer, contextBoost);
    double oursIndexSeconds = (System.nanoTime() - t0) / 1e9;
    long oursHeap = usedHeap() - heap0;
    Evaluation.Figures oursFigures;
    Evaluation.Figures peerFigures;
    double peerIndexSeconds;
    long peerHeap;
    double[][] breakdown;
    try {
      List<EvalIndex.Passage> passages = new ArrayList<>();
      long t1 = System.nanoTime();
      for (BeirDataset.CorpusDocument document : dataset.corpus()) {
        passages.addAll(EvalIndex.passagesOf(document, chunker));
      }
      List<float[]> vectors = EvalIndex.cachedVectors(dir, embedder,
          passages.stream().map(EvalIndex.Passage::embeddedText).toList());
      long heap1 = usedHeap();
      PeerComparison peer = new PeerComparison(embedder, passages, vectors);
      peerIndexSeconds = (System.nanoTime() - t1) / 1e9;
      vectors = null;
      peerHeap = usedHeap() - heap1 + (long) passages.size() * embedder.dimension() * 4;

      HybridRetriever retriever = pipeline.retriever(ours.index(), settings);
      out.printf("  measuring: every query once through both (warm-up), then each query through"
          + " both back to back, alternating which goes first%n");
      out.flush();
      // Where Groundwork's time goes: query embedding vs searches + fusion + reading chunks.
      List<RetrievalResult> results = new ArrayList<>();
      Retriever timed = request -> {
        RetrievalResult result = retriever.retrieve(request);
        results.add(result);
        return result;
      };
      List<Evaluation.Run> runs = PairedRuns.run(dataset, Evaluation.ranker(timed), peer::rank);
      // The last pass over the queries is the measured one (the first is the warm-up).
      List<RetrievalResult> measured =
          results.subList(results.size() - runs.get(0).latenciesMillis().length, results.size());
      breakdown = new double[][] {
          measured.stream().mapToDouble(r -> r.embedMicros() / 1000.0).toArray(),
          measured.stream().mapToDouble(r -> r.searchMicros() / 1000.0).toArray()};
      oursFigures = Evaluation.score(dataset, runs.get(0));
      peerFigures = Evaluation.score(dataset, runs.get(1));
      keep(peer);
    } finally {
      ours.index().close();
      deleteRecursively(fresh);
    }

    out.printf("  %-48s %8s %10s %8s %8s %9s %9s%n", "system", "nDCG@10", "Recall@100", "p50 ms",
        "p95 ms", "index s", "heap MB");
    row(out, "Groundwork (" + settings.mode().name().toLowerCase() + ", Lucene BM25 + HNSW)",
        oursFigures, oursIndexSeconds, oursHeap);
    row(out, "LangChain4j InMemoryEmbeddingStore + retriever", peerFigures, peerIndexSeconds,
        peerHeap);
    out.printf("  of Groundwork's latency: query embedding p50 %.1f ms, p95 %.1f ms; searches,"
            + " fusion and reading the top-k chunks p50 %.1f ms, p95 %.1f ms%n",
        Evaluation.percentile(breakdown[0], 50), Evaluation.percentile(breakdown[0], 95),
        Evaluation.percentile(breakdown[1], 50), Evaluation.percentile(breakdown[1], 95));
    // ours / peer for every figure: above 1 is better for nDCG@10, worse for latency.
    out.printf("  ratios (Groundwork / peer): nDCG@10 %.3f, p95 latency %.2f, p50 latency %.2f%n",
        oursFigures.ndcgAt10() / peerFigures.ndcgAt10(),
        oursFigures.latencyP95Millis() / peerFigures.latencyP95Millis(),
        oursFigures.latencyP50Millis() / peerFigures.latencyP50Millis());
    out.println("  (index s: chunking + building the store from the same cached vectors;"
        + " heap MB: used heap after GC, the store's share; Lucene keeps its index on disk,"
        + " memory-mapped)");
    out.flush();
  }

  private static void row(PrintWriter out, String name, Evaluation.Figures f, double indexSeconds,
      long heapBytes) {
    out.printf("  %-48s %8.4f %10.4f %8.1f %8.1f %9.1f %9.1f%n", name, f.ndcgAt10(),
        f.recallAt100(), f.latencyP50Millis(), f.latencyP95Millis(), indexSeconds,
        heapBytes / 1048576.0);
  }

  /** Keeps {@code o} reachable until here, so that the heap figure above includes it. */
  private static void keep(Object o) {
    if (o == null) {
      throw new IllegalStateException();
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
