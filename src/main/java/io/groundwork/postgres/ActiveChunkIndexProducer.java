package io.groundwork.postgres;

import io.agroal.api.AgroalDataSource;
import io.groundwork.index.ChunkIndex;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.store.ActiveStore;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * CDI wiring of the {@link ChunkIndex} that retrieval uses: the local Lucene index in embedded
 * mode, {@link PostgresChunkIndex} (pgvector plus local BM25) in PostgreSQL mode.
 */
@ApplicationScoped
public class ActiveChunkIndexProducer {
  @Produces
  @Singleton
  ChunkIndex chunkIndex(ActiveStore store, LuceneChunkIndex lucene, PostgresConfig config,
      ReplicaSync replica,
      @io.quarkus.agroal.DataSource("postgres") InjectableInstance<AgroalDataSource> postgres) {
    if (!store.postgres()) {
      return lucene;
    }
    return new PostgresChunkIndex(postgres.get(), lucene, replica, config.efSearch(), config.maxScanTuples());
  }
}
