package io.groundwork.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.groundwork.answer.Answer;
import io.groundwork.answer.Citation;
import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingModelSpec;
import io.groundwork.text.TermAnalyzer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnswerVerifierTest {
  private static final String REFUSAL = "Not in the knowledge base.";
  private static SupportScorer scorer;

  @BeforeAll
  static void loadModel() {
    Embedder embedder = new Embedder(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
        new BgeSmallEnV15QuantizedEmbeddingModel(), new HuggingFaceTokenCountEstimator(), 16);
    scorer = DefaultSupportScorer.builder().embedder(embedder).terms(new TermAnalyzer()).build();
  }

  private static Citation citation(int number, String quote) {
    return new Citation(number, "doc" + number, "Title", "doc.md", "doc-0", 0, quote.length(), 0,
        quote, "/view.html");
  }

  private static final Citation BIKES =
      citation(1, "The Leeds office has 40 secure bicycle storage spaces in its basement.");
  private static final Citation VPN =
      citation(2, "The VPN client connects to vpn.larkspur.example on port 443.");

  @Test
  void extractiveAnswersVerifyAsTheyAreWithTheirLeadIn() {
    Answer extractive = new Answer("From the knowledge base:\n" + BIKES.quote() + " [1]\n"
        + VPN.quote() + " [2]", List.of(BIKES, VPN), false, "extractive", "v1");
    VerifiedAnswer verified = new AnswerVerifier(scorer, 0.5, VerifyConfig.Mode.REMOVE, REFUSAL)
        .verify(extractive);

    assertThat(verified.answer()).isEqualTo(extractive);
    assertThat(verified.verification().sentences()).extracting(VerifiedSentence::status)
        .containsExactly(VerifiedSentence.Status.LEAD_IN, VerifiedSentence.Status.SUPPORTED,
            VerifiedSentence.Status.SUPPORTED);
    assertThat(verified.verification().sentences().get(1).citations()).containsExactly(1);
    assertThat(verified.verification().sentences().get(1).support()).isGreaterThan(0.95);
    assertThat(verified.verification().sentences().get(2).evidence()).isEqualTo(VPN.quote());
  }

  @Test
  void markersOpeningASentenceBelongToThePreviousOneAndListsOfNumbersCount() {
    Answer answer = new Answer("The Leeds office has 40 bicycle spaces. [1] The VPN uses port "
        + "443 [1, 2].", List.of(BIKES, VPN), false, "llm", "v1");
    VerifiedAnswer verified = new AnswerVerifier(scorer, 0.5, VerifyConfig.Mode.REMOVE, REFUSAL)
        .verify(answer);

    assertThat(verified.verification().sentences()).hasSize(2);
    assertThat(verified.verification().sentences().get(0).citations()).containsExactly(1);
    assertThat(verified.verification().sentences().get(0).text())
        .isEqualTo("The Leeds office has 40 bicycle spaces.");
    assertThat(verified.verification().sentences().get(1).citations()).containsExactly(1, 2);
    assertThat(verified.verification().supportedSentences()).isEqualTo(2);
  }

  @Test
  void flagModeKeepsAndMarksUnsupportedSentences() {
    Answer answer = new Answer("The Leeds office has 40 bicycle spaces [1]. The office also has a "
        + "rooftop swimming pool [1].", List.of(BIKES, VPN), false, "llm", "v1");
    VerifiedAnswer verified = new AnswerVerifier(scorer, 0.5, VerifyConfig.Mode.FLAG, REFUSAL)
        .verify(answer);

    assertThat(verified.answer().text()).isEqualTo("The Leeds office has 40 bicycle spaces [1]. "
        + "The office also has a rooftop swimming pool [1]. " + AnswerVerifier.UNVERIFIED_MARK);
    assertThat(verified.verification().flaggedSentences()).isEqualTo(1);
    assertThat(verified.verification().removedSentences()).isZero();
    // Only cited sources stay: [2] was never cited.
    assertThat(verified.answer().citations()).extracting(Citation::number).containsExactly(1);
  }

  @Test
  void anAnswerWithoutASupportedSentenceBecomesARefusal() {
    Answer answer = new Answer("Everyone gets a company car [1]. Lunch is free on Fridays [3].",
        List.of(BIKES, VPN), false, "llm", "v1", "reason", "notice");
    VerifiedAnswer verified = new AnswerVerifier(scorer, 0.5, VerifyConfig.Mode.REMOVE, REFUSAL)
        .verify(answer);

    assertThat(verified.answer().refused()).isTrue();
    assertThat(verified.answer().text()).isEqualTo(REFUSAL);
    assertThat(verified.answer().citations()).isEmpty();
    assertThat(verified.answer().fallbackReason()).isEqualTo("reason");
    assertThat(verified.verification().refusedByVerification()).isTrue();
    assertThat(verified.verification().invalidCitationsRemoved()).isEqualTo(1);
    assertThat(verified.verification().removedSentences()).isEqualTo(2);
  }

  @Test
  void uncitedClaimsAreUnsupportedAndRefusalsPassThrough() {
    Answer answer = new Answer("The VPN client connects to vpn.larkspur.example on port 443. "
        + "The Leeds office has 40 bicycle spaces [1].", List.of(BIKES, VPN), false, "llm", "v1");
    VerifiedAnswer verified = new AnswerVerifier(scorer, 0.5, VerifyConfig.Mode.REMOVE, REFUSAL)
        .verify(answer);
    assertThat(verified.answer().text()).isEqualTo("The Leeds office has 40 bicycle spaces [1].");
    assertThat(verified.verification().sentences().getFirst().support()).isZero();

    Answer refusal = new Answer(REFUSAL, List.of(), true, "llm", "v1");
    assertThat(new AnswerVerifier(scorer, 0.5, VerifyConfig.Mode.REMOVE, REFUSAL).verify(refusal)
        .answer()).isSameAs(refusal);
  }

  @Test
  void aFigureNoCitedPassageStatesIsPenalised() {
    SupportScore right = scorer.score("The VPN connects on port 443.", List.of(VPN.quote()));
    SupportScore wrong = scorer.score("The VPN connects on port 8443.", List.of(VPN.quote()));
    assertThat(wrong.support()).isLessThan(right.support() * 0.6);
  }
}
