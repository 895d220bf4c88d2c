package io.groundwork.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedderTest {
  /** Records the texts it is asked to embed; every vector is (3, 4). */
  private static final class RecordingModel implements EmbeddingModel {
    final List<String> texts = new ArrayList<>();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      List<Embedding> out = new ArrayList<>();
      for (TextSegment segment : segments) {
        texts.add(segment.text());
        out.add(Embedding.from(new float[] {3, 4}));
      }
      return Response.from(out);
    }
  }

  @Test
  void queriesGoToTheQueryModelWithOrWithoutTheInstructionAndPassagesNever() {
    RecordingModel passages = new RecordingModel();
    RecordingModel queries = new RecordingModel();
    Embedder embedder = new Embedder(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q, passages, queries,
        new HuggingFaceTokenCountEstimator(), 8);
    String instruction = EmbeddingModelSpec.BGE_SMALL_EN_V15_Q.queryPrefix();

    assertThat(embedder.embedQuery("parental leave")).containsExactly(0.6f, 0.8f);
    assertThat(embedder.appliesQueryInstruction()).isTrue();
    Embedder plain = embedder.withQueryInstruction(false);
    plain.embedQuery("parental leave");
    assertThat(plain.appliesQueryInstruction()).isFalse();
    embedder.embedPassages(List.of("Twenty weeks of paid leave."));

    assertThat(queries.texts).containsExactly(instruction + "parental leave", "parental leave");
    assertThat(passages.texts).containsExactly("Twenty weeks of paid leave.");
  }

  @Test
  void e5KeepsItsRequiredQueryPrefixWithoutTheInstructionAndPrefixesPassages() {
    RecordingModel passages = new RecordingModel();
    RecordingModel queries = new RecordingModel();
    Embedder embedder = new Embedder(EmbeddingModelSpec.E5_SMALL_V2, passages, queries,
        new HuggingFaceTokenCountEstimator(), 8).withQueryInstruction(false);

    embedder.embedQuery("parental leave");
    embedder.embedPassages(List.of("Twenty weeks of paid leave."));

    assertThat(embedder.appliesQueryInstruction()).isTrue();
    assertThat(queries.texts).containsExactly("query: parental leave");
    assertThat(passages.texts).containsExactly("passage: Twenty weeks of paid leave.");
  }

  @Test
  void aQueryEmbeddedAlongsideAnotherEncoderUsesThePassageSessionWithTheSamePrefix() {
    RecordingModel passages = new RecordingModel();
    RecordingModel queries = new RecordingModel();
    Embedder embedder = new Embedder(EmbeddingModelSpec.E5_SMALL_V2, passages, queries,
        new HuggingFaceTokenCountEstimator(), 8);

    assertThat(embedder.embedQueryAlongside("parental leave")).containsExactly(0.6f, 0.8f);

    assertThat(passages.texts).containsExactly("query: parental leave");
    assertThat(queries.texts).isEmpty();
  }

  @Test
  void everyModelIsKnownByItsIdAndHoldsInTheVectorColumn() {
    for (EmbeddingModelSpec spec : EmbeddingModelSpec.values()) {
      assertThat(EmbeddingModelSpec.byId(spec.id())).isSameAs(spec);
      assertThat(spec.dimension()).isEqualTo(384);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddingModelSpec.byId("bge-large"))
        .hasMessageContaining("unknown embedding model 'bge-large'; available: "
            + "bge-small-en-v1.5-q, bge-small-en-v1.5, e5-small-v2, all-minilm-l6-v2");
  }
}
