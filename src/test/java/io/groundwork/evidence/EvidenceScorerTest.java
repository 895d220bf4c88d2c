package io.groundwork.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundwork.text.TermWeights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvidenceScorerTest {
  /** The extractive answerer's constants. */
  private static final EvidenceScorer ANSWER = new EvidenceScorer(0.5, 0.45, 0.85, 0.5);
  /** The support scorer's defaults. */
  private static final EvidenceScorer SUPPORT = new EvidenceScorer(0.5, 0.5, 0.9, 0);

  @Test
  void blendsCoverageAndRescaledCosine() {
    WeightedTerms query = WeightedTerms.of(List.of("vpn", "host", "client"),
        Map.of("vpn", 3.0, "host", 2.0, "client", 1.0)::get);
    // "vpn" in the sentence, "client" only in its context (half credit), "host" nowhere.
    Evidence evidence = ANSWER.score(query, Set.of("vpn", "connect"), Set.of("client"), 0.65);

    assertThat(evidence.coverage()).isEqualTo(3.5 / 6);
    assertThat(evidence.cosine()).isEqualTo(0.65);
    assertThat(evidence.similarity()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(evidence.blended()).isEqualTo(0.5 * evidence.coverage() + 0.5 * evidence.similarity());
  }

  @Test
  void similarityIsClampedToTheUnitInterval() {
    assertThat(ANSWER.similarity(0.1)).isZero();
    assertThat(ANSWER.similarity(0.45)).isZero();
    assertThat(ANSWER.similarity(0.85)).isEqualTo(1.0);
    assertThat(ANSWER.similarity(0.99)).isEqualTo(1.0);
  }

  @Test
  void aQueryWithoutTermsCoversNothing() {
    WeightedTerms none = WeightedTerms.of(List.of(), term -> 1.0);
    assertThat(none.total()).isZero();
    assertThat(ANSWER.coverage(none, Set.of("anything"), Set.of("else"))).isZero();
    assertThat(SUPPORT.score(none, Set.of("x"), Set.of(), 0.9).blended()).isEqualTo(0.5);
  }

  @Test
  void theClampedBlendStaysInTheUnitInterval() {
    EvidenceScorer lexical = new EvidenceScorer(1, 0.5, 0.9, 0);
    assertThat(new Evidence(1.0000000000000002, 1, 1, 1.0000000000000002).clampedBlend())
        .isEqualTo(1.0);
    assertThat(lexical.score(0.25, 0.95).clampedBlend()).isEqualTo(0.25);
  }

  @Test
  void rejectsInvalidConstantsWithExactMessages() {
    assertThatThrownBy(() -> new EvidenceScorer(1.5, 0.45, 0.85, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("coverageWeight must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> new EvidenceScorer(Double.NaN, 0.45, 0.85, 0.5))
        .hasMessage("coverageWeight must be in [0, 1], got NaN");
    assertThatThrownBy(() -> new EvidenceScorer(0.5, 0.85, 0.45, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cosineFloor must be below cosineCeiling, got 0.85 and 0.45");
    assertThatThrownBy(() -> new EvidenceScorer(0.5, 0.5, 0.5, 0.5))
        .hasMessage("cosineFloor must be below cosineCeiling, got 0.5 and 0.5");
    assertThatThrownBy(() -> new EvidenceScorer(0.5, 0.45, 0.85, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contextCredit must be in [0, 1], got -0.1");
    assertThatThrownBy(() -> WeightedTerms.of(null, term -> 1.0))
        .hasMessage("terms and weights must not be null");
  }

  /**
   * The scores are bit for bit those of the formulas the extractive answerer computed inline
   * before it used this class, on random questions, sentences, weights and cosines.
   */
  @Test
  void matchesTheAnswerersFormulasExactly() {
    Random random = new Random(20261126L);
    for (int round = 0; round < 20_000; round++) {
      Map<String, Double> idf = randomWeights(random);
      Set<String> question = new LinkedHashSet<>(randomTerms(random, 12));
      Set<String> own = new HashSet<>(randomTerms(random, 15));
      Set<String> context = new HashSet<>(randomTerms(random, 15));
      double cosine = random.nextDouble() * 1.3 - 0.3;
      double ownCosine = random.nextDouble() * 1.3 - 0.3;

      // The answerer's former arithmetic.
      double questionWeight = question.stream().mapToDouble(idf::get).sum();
      double matched = 0;
      for (String term : question) {
        if (own.contains(term)) {
          matched += idf.get(term);
        } else if (context.contains(term)) {
          matched += 0.5 * idf.get(term);
        }
      }
      double coverage = questionWeight == 0 ? 0 : matched / questionWeight;
      double similarity = clamp((cosine - 0.45) / (0.85 - 0.45));
      double expectedEvidence = (similarity + coverage) / 2;
      double expectedCitation = (clamp(((cosine + ownCosine) / 2 - 0.45) / (0.85 - 0.45))
          + coverage) / 2;

      WeightedTerms weighted = WeightedTerms.of(question, idf::get);
      Evidence evidence = ANSWER.score(weighted, own, context, cosine);
      Evidence citation = ANSWER.score(evidence.coverage(), (cosine + ownCosine) / 2);
      assertBits(evidence.coverage(), coverage);
      assertBits(evidence.similarity(), similarity);
      assertBits(evidence.blended(), expectedEvidence);
      assertBits(citation.blended(), expectedCitation);
      assertBits(ANSWER.similarity(ownCosine), clamp((ownCosine - 0.45) / (0.85 - 0.45)));
    }
  }

  /**
   * The scores are bit for bit those of the formulas the support scorer computed inline before it
   * used this class, for random lexical weights, cosine ranges, claims and sentences.
   */
  @Test
  void matchesTheSupportScorersFormulasExactly() {
    Random random = new Random(7L);
    for (int round = 0; round < 20_000; round++) {
      Map<String, Double> idf = randomWeights(random);
      TermWeights weights = idf::get;
      Set<String> claim = new HashSet<>(randomTerms(random, 12));
      Set<String> found = new HashSet<>(randomTerms(random, 15));
      double lexicalWeight = round % 3 == 0 ? 0.5 : random.nextDouble();
      double floor = round % 3 == 0 ? 0.5 : random.nextDouble() * 0.6;
      double ceiling = round % 3 == 0 ? 0.9 : floor + 0.05 + random.nextDouble() * 0.4;
      double cosine = random.nextDouble() * 1.3 - 0.3;

      // The support scorer's former arithmetic.
      double lexical = 0;
      if (!claim.isEmpty()) {
        double total = 0;
        double shared = 0;
        for (String term : claim) {
          double weight = weights.weight(term);
          total += weight;
          if (found.contains(term)) {
            shared += weight;
          }
        }
        lexical = total == 0 ? 0 : shared / total;
      }
      double semantic = clamp((cosine - floor) / (ceiling - floor));
      double combined = lexicalWeight * lexical + (1 - lexicalWeight) * semantic;

      Evidence evidence = new EvidenceScorer(lexicalWeight, floor, ceiling, 0)
          .score(WeightedTerms.ofRunningTotal(claim, weights), found, Set.of(), cosine);
      assertBits(evidence.coverage(), lexical);
      assertBits(evidence.similarity(), semantic);
      assertBits(evidence.blended(), combined);
      assertBits(evidence.clampedBlend(), clamp(combined));
    }
  }

  /** A weight of one half gives exactly the mean that the answerer computed as (a + b) / 2. */
  @Test
  void anEvenBlendIsExactlyTheMean() {
    Random random = new Random(42L);
    double[] edges = {0, Double.MIN_NORMAL, Math.ulp(1.0), 0.5, 1 - Math.ulp(1.0), 1,
        1.0000000000000002};
    for (double a : edges) {
      for (double b : edges) {
        assertBits(EvidenceScorer.blend(0.5, a, b), (b + a) / 2);
      }
    }
    for (int i = 0; i < 1_000_000; i++) {
      double a = random.nextDouble();
      double b = random.nextDouble();
      assertBits(EvidenceScorer.blend(0.5, a, b), (b + a) / 2);
    }
  }

  @Test
  void totalsKeepTheirSummation() {
    // Summed in order, 0.1 + 0.2 + 0.3 is 0.6000000000000001; compensated, it is 0.6.
    Map<String, Double> weights = Map.of("a", 0.1, "b", 0.2, "c", 0.3);
    List<String> terms = List.of("a", "b", "c");
    assertThat(WeightedTerms.ofRunningTotal(terms, weights::get).total())
        .isEqualTo(0.1 + 0.2 + 0.3);
    assertThat(WeightedTerms.of(terms, weights::get).total())
        .isEqualTo(terms.stream().mapToDouble(weights::get).sum());
    assertThat(WeightedTerms.of(terms, weights::get).terms()).containsExactly("a", "b", "c");
    assertThat(WeightedTerms.of(terms, weights::get).weight(1)).isEqualTo(0.2);
  }

  private static Map<String, Double> randomWeights(Random random) {
    Map<String, Double> idf = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      // IDF-like: ln(1 + (n - df + 0.5) / (df + 0.5)) for corpora up to a million documents.
      int n = 1 + random.nextInt(1_000_000);
      int df = random.nextInt(n + 1);
      idf.put("t" + i, random.nextInt(10) == 0 ? 1.0 : Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    return idf;
  }

  private static List<String> randomTerms(Random random, int most) {
    List<String> terms = new ArrayList<>();
    int count = random.nextInt(most + 1);
    for (int i = 0; i < count; i++) {
      terms.add("t" + random.nextInt(30));
    }
    return terms;
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }

  private static void assertBits(double actual, double expected) {
    assertThat(Double.doubleToRawLongBits(actual)).as("%s vs %s", actual, expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }
}
