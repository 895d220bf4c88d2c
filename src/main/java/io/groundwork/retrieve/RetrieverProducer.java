package io.groundwork.retrieve;

import io.groundwork.embed.Embedder;
import io.groundwork.index.ChunkIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring of the default retriever. */
@ApplicationScoped
public class RetrieverProducer {
  @Produces
  @Singleton
  Retriever retriever(ChunkIndex index, Embedder embedder, RetrievalConfig config) {
    return new HybridRetriever(index, embedder, RetrievalSettings.of(config));
  }
}
