package io.groundwork.answer;

import io.groundwork.embed.Embedder;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.text.TermAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** CDI wiring of the prompt templates and the default answerer. */
@ApplicationScoped
public class AnswererProducer {
  @Produces
  @Singleton
  PromptLibrary prompts(AnswerConfig config) {
    return PromptLibrary.load(Path.of(config.promptsDir()));
  }

  @Produces
  @Singleton
  Answerer answerer(Embedder embedder, PromptLibrary prompts, AnswerConfig config,
      LuceneChunkIndex index) {
    return ExtractiveAnswerer.builder()
        .embedder(embedder)
        .terms(new TermAnalyzer())
        .prompts(prompts)
        .weights(index)
        .maxSentences(config.maxSentences())
        .chunksConsidered(config.chunksConsidered())
        .minEvidence(config.minEvidence())
        .relativeCutoff(config.relativeCutoff())
        .build();
  }
}
