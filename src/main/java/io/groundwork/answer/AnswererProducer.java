package io.groundwork.answer;

import io.groundwork.pii.PiiRedactor;
import jakarta.inject.Named;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.groundwork.embed.Embedder;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.llm.LlmConfig;
import io.groundwork.text.TermAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * CDI wiring of the prompt templates and the answerer: the extractive one when no language model
 * is configured ({@code groundwork.llm.provider=none}), otherwise an {@link LlmAnswerer} that
 * falls back to the extractive one.
 */
@ApplicationScoped
public class AnswererProducer {
  private static final Logger LOG = Logger.getLogger(AnswererProducer.class);

  @Produces
  @Singleton
  PromptLibrary prompts(AnswerConfig config) {
    return PromptLibrary.load(Path.of(config.promptsDir()));
  }

  @Produces
  @Singleton
  Answerer answerer(Embedder embedder, PromptLibrary prompts, AnswerConfig config,
      LuceneChunkIndex index, LlmConfig llm, Instance<ChatModel> chatModel,
      Instance<StreamingChatModel> streamingModel, @Named("llm") PiiRedactor masking) {
    ExtractiveAnswerer extractive = ExtractiveAnswerer.builder()
        .embedder(embedder)
        .terms(new TermAnalyzer())
        .prompts(prompts)
        .weights(index)
        .maxSentences(config.maxSentences())
        .chunksConsidered(config.chunksConsidered())
        .minEvidence(config.minEvidence())
        .minConfidence(config.minConfidence().orElse(null))
        .maxSectionSentences(config.maxSectionSentences())
        .relativeCutoff(config.relativeCutoff())
        .nearTermCosine(config.nearTermCosine())
        .build();
    if (llm.provider() == LlmConfig.Provider.NONE) {
      return extractive;
    }
    String name = llm.provider().name().toLowerCase(Locale.ROOT) + ":" + llm.model().orElse("");
    ContextPacker packer = new ContextPacker(prompts, embedder.tokenizer(), llm.contextTokens(),
        llm.maxTokens(), llm.maxSources());
    LOG.infof("answering with %s at %s (timeout %s, context %d tokens); extractive fallback",
        name, llm.effectiveBaseUrl(), llm.timeout(), llm.contextTokens());
    return new LlmAnswerer(name, chatModel.get(), streamingModel.get(), packer, prompts,
        extractive, llm.timeout(), masking);
  }

  void close(@Disposes Answerer answerer) {
    if (answerer instanceof LlmAnswerer llm) {
      llm.close();
    }
  }
}
