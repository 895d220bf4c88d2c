package io.groundwork.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingModelSpec;
import io.groundwork.text.TermAnalyzer;
import io.groundwork.verify.DefaultSupportScorer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The verification benchmark on a small hand-made fixture in SciFact's layout. */
class SupportBenchmarkTest {
  private static final Path FIXTURE = Path.of("src/test/resources/verify");

  @Test
  void aucCountsTiesHalf() {
    assertThat(SupportBenchmark.auc(new double[] {3, 2}, new double[] {1, 2}))
        .isCloseTo(0.875, within(1e-9));
    assertThat(SupportBenchmark.auc(new double[] {1}, new double[] {2})).isZero();
  }

  @Test
  void separatesGoldRationalesFromOtherSentencesOfTheAbstract() throws Exception {
    Embedder embedder = new Embedder(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
        new BgeSmallEnV15QuantizedEmbeddingModel(), new HuggingFaceTokenCountEstimator(), 16);
    TermAnalyzer terms = new TermAnalyzer();
    DefaultSupportScorer scorer = DefaultSupportScorer.builder().embedder(embedder).terms(terms)
        .weights(SupportBenchmark.idf(FIXTURE.resolve("corpus.jsonl"), terms)).build();
    SupportBenchmark.Result result = new SupportBenchmark(scorer).run(
        FIXTURE.resolve("rationales.jsonl"), FIXTURE.resolve("corpus.jsonl"), 100, 0.5);

    assertThat(result.claims()).isEqualTo(6);
    assertThat(result.positives()).isEqualTo(5);
    // Claims 2 and 3 share abstract d2: each gets its 3 other sentences as negatives.
    assertThat(result.negatives()).isEqualTo(15);
    assertThat(result.contradicting()).isEqualTo(1);
    assertThat(result.auc()).isGreaterThan(0.95);
    assertThat(result.atThreshold().recall()).isEqualTo(1.0);
    assertThat(result.atThreshold().precision()).isGreaterThan(0.8);
    // "a year" against "60 days": the paraphrase is close, but the claim's figure is not there.
    assertThat(result.pairs().stream().filter(p -> p.kind().equals("contradicting"))
        .findFirst().orElseThrow().score().support()).isLessThan(
            result.pairs().stream().filter(p -> p.claimId().equals("4")
                && p.kind().equals("supported")).findFirst().orElseThrow().score().support());
  }
}
