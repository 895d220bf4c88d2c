package io.groundwork.retrieve;

import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingConfig;
import io.groundwork.index.ChunkReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
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

  @Inject
  Embedder embedder;

  @Inject
  EmbeddingConfig embedding;

  @Produces
  @Singleton
  Retriever retriever(ChunkReader index, RetrievalConfig config) {
    return hybrid(index, RetrievalSettings.of(config));
  }

  /**
   * A retriever over {@code index} with {@code settings}, embedding queries as configured (with or
   * without the model's instruction) and running BM25 beside the vector search on this
   * producer's threads: the server's retrieval path, for the commands that evaluate it.
   */
  public HybridRetriever hybrid(ChunkReader index, RetrievalSettings settings) {
    return new HybridRetriever(index, embedder.withQueryInstruction(embedding.queryInstruction()),
        settings, textSearches);
  }

  @PreDestroy
  void close() {
    textSearches.shutdownNow();
  }
}
