package io.groundwork.index;

import io.groundwork.store.DataDirectory;
import io.groundwork.text.TermAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import io.groundwork.text.TermWeights;
import jakarta.inject.Singleton;

/** CDI wiring of the Lucene index in the data directory. */
@ApplicationScoped
public class ChunkIndexProducer {
  // Typed: the ChunkReader and ChunkWriter in use are chosen by store mode
  // (ActiveChunkIndexProducer); in embedded mode they are this index's reader and writer.
  @Produces
  @Singleton
  @Typed({LuceneChunkIndex.class, TermWeights.class})
  LuceneChunkIndex index(DataDirectory dataDirectory, IndexConfig config) {
    return new LuceneChunkIndex(dataDirectory.indexPath(), TermAnalyzer.named(config.analyzer()),
        config.contextBoost());
  }

  void close(@Disposes LuceneChunkIndex index) {
    index.close();
  }
}
