package io.groundwork.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full-precision models unpacked from the LangChain4j 0.36.2 jars (Maven profiles
 * {@code model-bge-small}, {@code model-e5-small}) load through Groundwork's own ONNX code and
 * embed like their models: relevant passages above unrelated ones, full-precision bge-small next
 * to the quantized one. Skipped, with the reason, in a build without the profile.
 */
class ContainerJarModelsTest {
  private static ExecutorService executor;

  @BeforeAll
  static void start() {
    executor = Executors.newFixedThreadPool(2,
        EmbedderProducer.namedDaemonThreads("container-models-test-"));
  }

  @AfterAll
  static void stop() {
    executor.shutdownNow();
  }

  @Test
  void fullPrecisionBgeSmallRanksTheRelevantPassageFirstAndAgreesWithTheQuantizedModel() {
    Embedder full = load(EmbeddingModelSpec.BGE_SMALL_EN_V15, "model-bge-small");
    Embedder quantized = load(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q, "none");
    assertRanksRelevantFirst(full);
    String text = "Smoking tobacco is the leading cause of lung cancer.";
    float[] a = full.embedPassages(List.of(text)).get(0);
    float[] b = quantized.embedPassages(List.of(text)).get(0);
    assertThat(a).hasSize(384);
    assertThat(Embedder.cosine(a, b)).isGreaterThan(0.9f);
  }

  @Test
  void e5SmallRanksTheRelevantPassageFirst() {
    assertRanksRelevantFirst(load(EmbeddingModelSpec.E5_SMALL_V2, "model-e5-small"));
  }

  @Test
  void noLangChain4jFactoryOfTheOldJarsIsOnTheClassPath() throws Exception {
    // Only the model files are unpacked; the 0.36 factories would register next to 1.x's.
    ClassLoader loader = ContainerJarModelsTest.class.getClassLoader();
    assertThat(loader.getResource(
        "dev/langchain4j/model/embedding/onnx/bgesmallenv15/BgeSmallEnV15EmbeddingModel.class"))
        .isNull();
    assertThat(loader.getResource(
        "dev/langchain4j/model/embedding/onnx/e5smallv2/E5SmallV2EmbeddingModel.class")).isNull();
  }

  private static void assertRanksRelevantFirst(Embedder embedder) {
    float[] query = embedder.embedQuery("What causes lung cancer?");
    List<float[]> passages = embedder.embedPassages(List.of(
        "The harbour freezes over in January and ferries stop running until March.",
        "Smoking tobacco is the leading cause of lung cancer.",
        "The committee approved the budget for the new library."));
    for (float[] passage : passages) {
      assertThat(Embedder.cosine(passage, passage)).isCloseTo(1f,
          org.assertj.core.data.Offset.offset(1e-4f));
    }
    float relevant = Embedder.cosine(query, passages.get(1));
    assertThat(relevant).isGreaterThan(Embedder.cosine(query, passages.get(0)));
    assertThat(relevant).isGreaterThan(Embedder.cosine(query, passages.get(2)));
  }

  private static Embedder load(EmbeddingModelSpec spec, String profile) {
    assumeThat(spec.available())
        .as(spec.id() + " is not on the class path: build with -P" + profile)
        .isTrue();
    return new Embedder(spec, spec.load(executor, 1), new HuggingFaceTokenCountEstimator(), 8);
  }
}
