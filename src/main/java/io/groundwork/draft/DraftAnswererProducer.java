package io.groundwork.draft;

import io.groundwork.pii.PiiRedactor;
import jakarta.inject.Named;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.groundwork.answer.AnswerConfig;
import io.groundwork.answer.Answerer;
import io.groundwork.answer.ContextPacker;
import io.groundwork.answer.ExtractiveAnswerer;
import io.groundwork.answer.LlmAnswerer;
import io.groundwork.answer.PromptLibrary;
import io.groundwork.embed.Embedder;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.llm.LlmConfig;
import io.groundwork.text.TermAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;

/**
 * The embedder and the answerer of drafted replies ({@link ForDrafting}). The embedder is the
 * application's, with a {@link CachingEmbeddingModel} around its models
 * ({@code groundwork.drafting.embedding-cache-size} texts): the sentences of support macros
 * recur in ticket after ticket, and each ask embedded in the batch of all asks is embedded again
 * by the answerer. The answerer is an {@link ExtractiveAnswerer} with the settings of
 * {@code groundwork.answer.*} over that embedder; with a language model configured, an
 * {@link LlmAnswerer} that writes each ask's paragraph with the drafting prompts
 * ({@code draft-system.txt}, {@code draft-answer.txt}) and falls back to the extractive one.
 */
@ApplicationScoped
public class DraftAnswererProducer {
  @Produces
  @Singleton
  @ForDrafting
  Embedder draftingEmbedder(Embedder embedder, DraftingConfig config) {
    return embedder.withModels(
        model -> new CachingEmbeddingModel(model, config.embeddingCacheSize()));
  }

  @Produces
  @Singleton
  @ForDrafting
  Answerer draftingAnswerer(@ForDrafting Embedder embedder, PromptLibrary prompts,
      AnswerConfig config, LuceneChunkIndex index, LlmConfig llm,
      Instance<ChatModel> chatModel, Instance<StreamingChatModel> streamingModel,
      @Named("llm") PiiRedactor masking) {
    ExtractiveAnswerer extractive = ExtractiveAnswerer.builder()
        .embedder(embedder)
        .terms(new TermAnalyzer())
        .prompts(prompts)
        .weights(index)
        .maxSentences(config.maxSentences())
        .chunksConsidered(config.chunksConsidered())
        .minEvidence(config.minEvidence())
        .relativeCutoff(config.relativeCutoff())
        .nearTermCosine(config.nearTermCosine())
        .build();
    if (llm.provider() == LlmConfig.Provider.NONE) {
      return extractive;
    }
    PromptLibrary drafting = prompts.withTemplates(
        Map.of("system", "draft-system", "answer", "draft-answer"));
    ContextPacker packer = new ContextPacker(drafting, embedder.tokenizer(), llm.contextTokens(),
        llm.maxTokens(), llm.maxSources());
    String name = llm.provider().name().toLowerCase(Locale.ROOT) + ":" + llm.model().orElse("");
    return new LlmAnswerer(name, chatModel.get(), streamingModel.get(), packer, drafting,
        extractive, llm.timeout(), masking);
  }

  void close(@Disposes @ForDrafting Answerer answerer) {
    if (answerer instanceof LlmAnswerer llm) {
      llm.close();
    }
  }
}
