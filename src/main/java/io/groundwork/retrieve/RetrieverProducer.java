package io.groundwork.retrieve;

import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingConfig;
import io.groundwork.index.ChunkIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** CDI wiring of the default retriever. */
@ApplicationScoped
public class RetrieverProducer {
  private final ExecutorService textSearches = Executors.newFixedThreadPool(
      Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
        Thread thread = new Thread(runnable, "groundwork-text-search-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
  private static final AtomicInteger THREADS = new AtomicInteger();

  @Produces
  @Singleton
  Retriever retriever(ChunkIndex index, Embedder embedder, RetrievalConfig config,
      EmbeddingConfig embedding) {
    return new HybridRetriever(index, forRetrieval(embedder, embedding), RetrievalSettings.of(config),
        textSearches);
  }

  /** {@code embedder} as retrieval embeds queries: with or without the model's instruction. */
  public static Embedder forRetrieval(Embedder embedder, EmbeddingConfig config) {
    return embedder.withQueryInstruction(config.queryInstruction());
  }

  /** Threads that run BM25 searches alongside the vector search. */
  public ExecutorService textSearches() {
    return textSearches;
  }

  @PreDestroy
  void close() {
    textSearches.shutdownNow();
  }
}
