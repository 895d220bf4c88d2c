package io.groundwork.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import io.groundwork.store.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** CDI wiring of the configured embedding model. */
@ApplicationScoped
public class EmbedderProducer {
  private ExecutorService executor;

  @Produces
  @Singleton
  Embedder embedder(EmbeddingConfig config, DataDirectory dataDirectory) {
    EmbeddingModelSpec spec = EmbeddingModelSpec.byId(config.model());
    int threads = config.threads() > 0
        ? config.threads() : Runtime.getRuntime().availableProcessors();
    if (config.intraOpThreads() < 1 || config.queryIntraOpThreads() < 0) {
      throw new IllegalArgumentException("groundwork.embedding.intra-op-threads must be >= 1 and"
          + " groundwork.embedding.query-intra-op-threads >= 0 (0: one per processor), got "
          + config.intraOpThreads() + " and " + config.queryIntraOpThreads());
    }
    executor = Executors.newFixedThreadPool(threads, namedDaemonThreads("groundwork-embed-"));
    int cores = Runtime.getRuntime().availableProcessors();
    int queryThreads = config.queryIntraOpThreads() > 0 ? config.queryIntraOpThreads() : cores;
    return load(spec, executor, config.intraOpThreads(), queryThreads, config.batchSize(),
        dataDirectory.path());
  }

  /**
   * Loads an embedder of {@code spec} outside CDI (benchmarks that compare models): slow, reads
   * the ONNX weights.
   *
   * @param executor runs the passages of a batch in parallel
   * @param intraOpThreads ONNX Runtime threads inside one passage inference
   * @param queryIntraOpThreads ONNX Runtime threads inside one query inference
   * @param dataDir where the tokenizer is extracted to ({@code models/})
   */
  public static Embedder load(EmbeddingModelSpec spec, ExecutorService executor,
      int intraOpThreads, int queryIntraOpThreads, int batchSize, Path dataDir) {
    HuggingFaceTokenCountEstimator tokenizer =
        new HuggingFaceTokenCountEstimator(extractTokenizer(spec, dataDir));
    EmbeddingModel passages = spec.load(executor, intraOpThreads);
    // A session of its own only when queries run on other threads than passages.
    EmbeddingModel queries = queryIntraOpThreads == intraOpThreads
        ? passages : spec.load(executor, queryIntraOpThreads);
    return new Embedder(spec, passages, queries, tokenizer, batchSize);
  }

  void close(@Disposes Embedder embedder) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** The tokenizer ships inside the model jar; the estimator reads it from a file. */
  private static Path extractTokenizer(EmbeddingModelSpec spec, Path dataDir) {
    Path target = dataDir.resolve("models")
        .resolve(Path.of(spec.tokenizerResource()).getFileName().toString());
    try (InputStream in = EmbeddingModelSpec.class.getClassLoader()
        .getResourceAsStream(spec.tokenizerResource())) {
      if (in == null) {
        throw new IllegalStateException("tokenizer " + spec.tokenizerResource()
            + " of model " + spec.id() + " is not on the class path");
      }
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "tokenizer", ".tmp");
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract tokenizer to " + target, e);
    }
  }

  /** Daemon threads named {@code prefix1, prefix2, ...}. */
  public static ThreadFactory namedDaemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
