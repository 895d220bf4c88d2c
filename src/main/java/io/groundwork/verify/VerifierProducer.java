package io.groundwork.verify;

import io.groundwork.answer.PromptLibrary;
import io.groundwork.embed.Embedder;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.text.TermAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring of the support scorer and the answer verifier. */
@ApplicationScoped
public class VerifierProducer {
  @Produces
  @Singleton
  SupportScorer supportScorer(Embedder embedder, VerifyConfig config, LuceneChunkIndex index) {
    return DefaultSupportScorer.builder().embedder(embedder).terms(new TermAnalyzer())
        .weights(index).lexicalWeight(config.lexicalWeight()).build();
  }

  @Produces
  @Singleton
  AnswerVerifier verifier(SupportScorer scorer, VerifyConfig config, PromptLibrary prompts) {
    return new AnswerVerifier(scorer, config.minSupport(), config.mode(),
        prompts.template("refusal"));
  }
}
