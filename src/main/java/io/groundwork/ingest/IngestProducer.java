package io.groundwork.ingest;

import io.groundwork.embed.Embedder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** CDI wiring of the parser, the pipeline configuration and the chunker. */
@ApplicationScoped
public class IngestProducer {
  @Produces
  @Singleton
  DocumentParser parser(IngestConfig config) {
    return new TikaDocumentParser(config.parseTimeLimit());
  }

  @Produces
  @Singleton
  PipelineDefinition pipeline(IngestConfig config) {
    Path file = Path.of(config.pipelineFile()).toAbsolutePath().normalize();
    return new PipelineDefinition(file, PipelineConfig.load(file));
  }

  @Produces
  @Singleton
  Chunker chunker(PipelineDefinition pipeline, Embedder embedder) {
    PipelineConfig.ChunkingConfig chunking = pipeline.config().chunking();
    int maxTokens = Math.min(chunking.maxTokens(), embedder.spec().maxSequenceLength() - 64);
    return new Chunker(embedder.tokenizer(), maxTokens, chunking.overlapTokens());
  }
}
