package io.groundwork.eval;

import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingConfig;
import io.groundwork.index.ChunkReader;
import io.groundwork.index.IndexConfig;
import io.groundwork.ingest.Chunker;
import io.groundwork.retrieve.HybridRetriever;
import io.groundwork.retrieve.RetrievalConfig;
import io.groundwork.retrieve.RetrievalSettings;
import io.groundwork.retrieve.RetrieverProducer;
import io.groundwork.store.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/**
 * The server's own pipeline as the commands that measure it ({@code eval}, {@code bench}) use
 * it: the configured chunker, embedder, index and retrieval settings, the retriever the server
 * builds, and the data directory that evaluation indexes live in. One bean, so that those
 * commands are wired alike and measure exactly what the server runs. Created on first use, so
 * that the other commands start without the pipeline file or the embedding model.
 */
@ApplicationScoped
public class EvalPipeline {
  private final Embedder embedder;
  private final EmbeddingConfig embeddingConfig;
  private final Chunker chunker;
  private final RetrievalConfig retrievalConfig;
  private final IndexConfig indexConfig;
  private final DataDirectory dataDirectory;
  private final RetrieverProducer retrievers;

  public EvalPipeline(Embedder embedder, EmbeddingConfig embeddingConfig, Chunker chunker,
      RetrievalConfig retrievalConfig, IndexConfig indexConfig, DataDirectory dataDirectory,
      RetrieverProducer retrievers) {
    this.embedder = embedder;
    this.embeddingConfig = embeddingConfig;
    this.chunker = chunker;
    this.retrievalConfig = retrievalConfig;
    this.indexConfig = indexConfig;
    this.dataDirectory = dataDirectory;
    this.retrievers = retrievers;
  }

  public Embedder embedder() {
    return embedder;
  }

  public EmbeddingConfig embeddingConfig() {
    return embeddingConfig;
  }

  public Chunker chunker() {
    return chunker;
  }

  public IndexConfig indexConfig() {
    return indexConfig;
  }

  /** The server's retrieval settings ({@code groundwork.retrieval.*}). */
  public RetrievalSettings settings() {
    return RetrievalSettings.of(retrievalConfig);
  }

  /** The evaluation data directory of {@code dataset} (see {@link DatasetOptions#dataDir}). */
  public Path dataDir(DatasetOptions dataset) {
    return dataset.dataDir(dataDirectory);
  }

  /**
   * The server's retriever over an evaluation index: BM25 alongside the vector search, queries
   * embedded as configured, exactly as the server retrieves.
   */
  public HybridRetriever retriever(ChunkReader index, RetrievalSettings settings) {
    return retrievers.hybrid(index, settings);
  }
}
