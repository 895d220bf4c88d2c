package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingModelSpec;
import io.groundwork.index.IndexedChunk;
import io.groundwork.retrieve.RetrievedChunk;
import dev.langchain4j.model.output.Response;
import io.groundwork.text.TermAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractiveAnswererTest {
  private static ExtractiveAnswerer answerer;

  @BeforeAll
  static void loadModel(@TempDir Path prompts) throws Exception {
    Files.writeString(prompts.resolve("refusal.txt"), "Not in the knowledge base.");
    Files.writeString(prompts.resolve("extractive-answer.txt"), "From the knowledge base:");
    Embedder embedder = new Embedder(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
        new BgeSmallEnV15QuantizedEmbeddingModel(), new HuggingFaceTokenCountEstimator(), 16);
    answerer = ExtractiveAnswerer.builder().embedder(embedder).terms(new TermAnalyzer())
        .weights(term -> 1.0).prompts(PromptLibrary.load(prompts)).build();
  }

  private static RetrievedChunk chunk(String doc, int start, String text) {
    return new RetrievedChunk(new IndexedChunk(doc + "-0", doc, "s", doc + ".md", "Title " + doc,
        "Heading", text, start, start + text.length(), 0, Set.of("everyone")), 0.03, 1, 1);
  }

  @Test
  void citesTheSentenceThatAnswersWithDocumentOffsets() {
    String vpn = "Heading\nThe VPN client is Cisco Secure Client. It connects to vpn.larkspur.example "
        + "on port 443. Support hours are 8:00 to 18:00.";
    String other = "Printers are on every floor. Colour printing needs a cost code.";
    Answer answer = answerer.answer(new AnswerRequest("Which host does the VPN client connect to?",
        List.of(chunk("vpn", 100, vpn), chunk("print", 0, other))));
    assertThat(answer.refused()).isFalse();
    Citation first = answer.citations().stream()
        .filter(c -> c.quote().equals("It connects to vpn.larkspur.example on port 443."))
        .findFirst().orElseThrow(() -> new AssertionError("not cited: " + answer.text()));
    assertThat(first.documentId()).isEqualTo("vpn");
    int local = vpn.indexOf(first.quote());
    assertThat(first.start()).isEqualTo(100 + local);
    assertThat(first.end()).isEqualTo(100 + local + first.quote().length());
    assertThat(answer.text()).startsWith("From the knowledge base:")
        .contains("It connects to vpn.larkspur.example on port 443. [" + first.number() + "]");
    assertThat(answer.citations()).extracting(Citation::number)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1,
            answer.citations().size()).boxed().toList());
  }

  @Test
  void refusesWhenTheChunksDoNotAnswer() {
    Answer answer = answerer.answer(new AnswerRequest(
        "What is the recipe for the lasagna served in the canteen?",
        List.of(chunk("print", 0, "Printers are on every floor. Colour printing needs a cost code."))));
    assertThat(answer.refused()).isTrue();
    assertThat(answer.citations()).isEmpty();
    assertThat(answer.text()).isEqualTo("Not in the knowledge base.");
  }

  @Test
  void refusesWithoutChunks() {
    assertThat(answerer.answer(new AnswerRequest("Anything?", List.of())).refused()).isTrue();
  }

  @Test
  void aFactQuestionIsAnsweredByTheSentenceThatStatesTheFact() {
    String absence = "Long-term absence\nThis may include a referral to occupational health.";
    String provider = "Occupational health\nLarkspur's occupational health provider is Medivale "
        + "Occupational Health.";
    Answer answer = answerer.answer(new AnswerRequest(
        "Which occupational health provider do we refer employees to?",
        List.of(chunk("absence", 0, absence), chunk("provider", 0, provider))));
    assertThat(answer.refused()).isFalse();
    assertThat(answer.citations().getFirst().quote()).contains("Medivale");
  }

  @Test
  void specificMeansANumberOrNameTheQuestionDoesNotAlreadySay() {
    Set<String> question = Set.of("which", "vpn", "client", "do", "we", "use");
    assertThat(ExtractiveAnswerer.specific("The VPN client is Cisco Secure Client.", question))
        .isTrue();
    assertThat(ExtractiveAnswerer.specific("Claims are paid within 60 days.", question)).isTrue();
    assertThat(ExtractiveAnswerer.specific("Use the VPN client when travelling.", question))
        .isFalse();
    assertThat(ExtractiveAnswerer.specific("Everyone uses the VPN client.", question)).isFalse();
  }

  /**
   * A model under which a text's cosine similarity to the question is that of the key of
   * {@code cosines} the text starts with (keys are no prefix of one another; the question: 1).
   */
  private static EmbeddingModel model(Map<String, Double> cosines) {
    return new EmbeddingModel() {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream().map(segment -> {
          double cosine = segment.text().endsWith("?") ? 1 : cosines.entrySet().stream()
              .filter(e -> segment.text().startsWith(e.getKey())).findFirst().orElseThrow()
              .getValue();
          float[] vector = {(float) cosine, (float) Math.sqrt(1 - cosine * cosine)};
          return Embedding.from(vector);
        }).toList());
      }

      @Override
      public int dimension() {
        return 2;
      }
    };
  }

  private static ExtractiveAnswerer answerer(Path prompts, Map<String, Double> cosines)
      throws Exception {
    Files.writeString(prompts.resolve("refusal.txt"), "Not in the knowledge base.");
    Files.writeString(prompts.resolve("extractive-answer.txt"), "From the knowledge base:");
    Embedder embedder = new Embedder(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q, model(cosines),
        new HuggingFaceTokenCountEstimator(), 16);
    return ExtractiveAnswerer.builder().embedder(embedder).terms(new TermAnalyzer())
        .weights(term -> 1.0).prompts(PromptLibrary.load(prompts)).build();
  }

  @Test
  void theSentenceAloneDecidesBetweenSentencesThatShareTheirContext(@TempDir Path prompts)
      throws Exception {
    // Both sentences contain the question's terms and, with their title, embed alike.
    ExtractiveAnswerer shared = answerer(prompts, Map.of(
        "Title reception", 0.9, "Visitors sign in", 0.9, "Visitors sign out", 0.3));
    String text = "Visitors sign in at the front desk. Visitors sign out at the rear door.";
    Answer answer = shared.answer(new AnswerRequest("Where do visitors sign in?",
        List.of(chunk("reception", 0, text))));
    assertThat(answer.refused()).isFalse();
    assertThat(answer.citations()).extracting(Citation::quote)
        .containsExactly("Visitors sign in at the front desk.");
  }

  @Test
  void theSentenceInItsContextDecidesWhichDocumentAnswers(@TempDir Path prompts)
      throws Exception {
    // Alone, the Lisbon sentence is closer; with its title, the Leeds one ("Title leeds").
    ExtractiveAnswerer titled = answerer(prompts, Map.of(
        "Title leeds", 0.9, "Title lisbon", 0.8, "Visitors sign in at the front", 0.5,
        "Visitors sign in at reception", 0.8));
    Answer answer = titled.answer(new AnswerRequest("Where do visitors sign in?", List.of(
        chunk("lisbon", 0, "Visitors sign in at reception."),
        chunk("leeds", 0, "Visitors sign in at the front desk."))));
    assertThat(answer.refused()).isFalse();
    assertThat(answer.citations().getFirst().documentId()).isEqualTo("leeds");
  }
}
