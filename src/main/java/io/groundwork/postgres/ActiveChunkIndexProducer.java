package io.groundwork.postgres;

import io.agroal.api.AgroalDataSource;
import io.groundwork.index.ChunkReader;
import io.groundwork.index.ChunkWriter;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.store.ActiveStore;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * CDI wiring of the chunk index by store mode ({@code groundwork.store}): in embedded mode the
 * reader and the writer of the local Lucene index; in PostgreSQL mode {@link PostgresChunkReader}
 * (pgvector plus local BM25) and {@link PostgresChunkWriter} (rows and change feed).
 */
@ApplicationScoped
public class ActiveChunkIndexProducer {
  @Produces
  @Singleton
  ChunkReader chunkReader(ActiveStore store, LuceneChunkIndex lucene, PostgresConfig config,
      ReplicaSync replica,
      @io.quarkus.agroal.DataSource("postgres") InjectableInstance<AgroalDataSource> postgres) {
    if (!store.postgres()) {
      return lucene.reader();
    }
    return new PostgresChunkReader(postgres.get(), lucene.reader(), replica, config.efSearch(),
        config.maxScanTuples());
  }

  @Produces
  @Singleton
  ChunkWriter chunkWriter(ActiveStore store, LuceneChunkIndex lucene, EntityManager em,
      ChangeFeed feed, ReplicaSync replica) {
    if (!store.postgres()) {
      return lucene.writer();
    }
    return new PostgresChunkWriter(em, feed, replica);
  }
}
