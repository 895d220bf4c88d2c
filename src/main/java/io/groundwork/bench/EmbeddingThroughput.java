package io.groundwork.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingModelSpec;
import io.groundwork.embed.OnnxInProcessEmbeddingModel;
import io.groundwork.embed.RawOnnxEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures embedding throughput on one list of passages: LangChain4j's bundled-model setup
 * (ONNX Runtime's default intra-op threads plus a parallel executor), one core, the Groundwork
 * pipeline ({@link Embedder}), and ONNX Runtime called directly on padded batches of similar
 * length (the limit for this model on this machine). Each figure is passages per second after a
 * warm-up. Not thread-safe; run one at a time.
 */
public final class EmbeddingThroughput {
  /** One measured configuration. */
  public record Figure(String name, int passages, double seconds) {
    public double perSecond() {
      return passages / seconds;
    }
  }

  private final EmbeddingModelSpec spec;
  private final List<String> passages;
  private final int batchSize;
  private final int cores;

  public EmbeddingThroughput(EmbeddingModelSpec spec, List<String> passages, int batchSize,
      int cores) {
    this.spec = spec;
    this.passages = List.copyOf(passages);
    this.batchSize = batchSize;
    this.cores = cores;
  }

  /** LangChain4j's own embedAll over batches in input order, as the bundled models are set up. */
  public Figure langchain4j(String name, int executorThreads, int intraOpThreads) {
    ExecutorService executor = Executors.newFixedThreadPool(executorThreads,
        named("bench-embed-"));
    try {
      EmbeddingModel model = new OnnxInProcessEmbeddingModel(spec, executor, intraOpThreads);
      warmUp(texts -> model.embedAll(segments(texts)));
      long t0 = System.nanoTime();
      for (int from = 0; from < passages.size(); from += batchSize) {
        model.embedAll(segments(passages.subList(from,
            Math.min(passages.size(), from + batchSize))));
      }
      return new Figure(name, passages.size(), (System.nanoTime() - t0) / 1e9);
    } finally {
      executor.shutdownNow();
    }
  }

  /** The production embedder, as ingestion calls it. */
  public Figure pipeline(Embedder embedder) {
    warmUp(embedder::embedPassages);
    long t0 = System.nanoTime();
    embedder.embedPassages(passages);
    return new Figure("pipeline: Embedder (" + cores + " threads x 1 intra-op, length-sorted"
        + " batches of " + batchSize + ")", passages.size(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * ONNX Runtime directly: the passages sorted by length into padded batches, {@code workers}
   * batches at a time, each session call on {@code intraOpThreads} threads.
   */
  public Figure rawOnnx(int workers, int intraOpThreads, int rawBatch) {
    try (RawOnnxEncoder encoder = new RawOnnxEncoder(spec, intraOpThreads)) {
      List<String> sorted = new ArrayList<>(passages);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      List<List<String>> batches = new ArrayList<>();
      for (int from = 0; from < sorted.size(); from += rawBatch) {
        batches.add(sorted.subList(from, Math.min(sorted.size(), from + rawBatch)));
      }
      warmUp(texts -> List.of(encoder.embedBatch(texts)));
      ExecutorService executor = Executors.newFixedThreadPool(workers, named("bench-raw-"));
      try {
        long t0 = System.nanoTime();
        List<Future<float[][]>> done = new ArrayList<>();
        for (List<String> batch : batches) {
          done.add(executor.submit(() -> encoder.embedBatch(batch)));
        }
        for (Future<float[][]> future : done) {
          future.get();
        }
        return new Figure("raw ONNX Runtime (" + workers + " x " + intraOpThreads
            + " intra-op threads, padded length-sorted batches of " + rawBatch + ")",
            passages.size(), (System.nanoTime() - t0) / 1e9);
      } catch (Exception e) {
        throw new IllegalStateException("raw ONNX benchmark failed", e);
      } finally {
        executor.shutdownNow();
      }
    }
  }

  private void warmUp(java.util.function.Function<List<String>, ?> embed) {
    embed.apply(passages.subList(0, Math.min(8, passages.size())));
  }

  private static List<TextSegment> segments(List<String> texts) {
    return texts.stream().map(TextSegment::from).toList();
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
