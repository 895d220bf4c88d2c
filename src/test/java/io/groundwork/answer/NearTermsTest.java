package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingModelSpec;
import io.groundwork.embed.WordVectors;
import io.groundwork.text.TermAnalyzer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Passage words that stand for a question's words, with the real embedding model. */
class NearTermsTest {
  private static final TermAnalyzer TERMS = new TermAnalyzer();
  private static final Function<String, String> TERM_OF = word -> {
    List<String> terms = TERMS.terms(word);
    return terms.size() == 1 ? terms.getFirst() : null;
  };
  private static Embedder embedder;
  private static WordVectors vectors;

  @BeforeAll
  static void loadModel() {
    embedder = new Embedder(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
        new BgeSmallEnV15QuantizedEmbeddingModel(), new HuggingFaceTokenCountEstimator(), 16);
    vectors = new WordVectors(embedder, 1000);
  }

  private static List<List<String>> passages(String... texts) {
    return Arrays.stream(texts)
        .map(t -> List.of(t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))).toList();
  }

  private static Map<String, String> question(String... words) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String word : words) {
      out.put(TERM_OF.apply(word), word);
    }
    return out;
  }

  @Test
  void aPassageWordThatMeansTheQuestionWordStandsForIt() {
    NearTerms near = NearTerms.find(question("yearly", "budget"), Set.of(),
        passages("Every employee has an annual learning budget."), TERM_OF, vectors, 0.82);
    Set<String> sentence = Set.copyOf(TERMS.terms("The annual amount is set in March."));
    assertThat(near.expand(sentence)).contains(TERM_OF.apply("yearly"))
        .containsAll(sentence);
    Set<String> unrelated = Set.copyOf(TERMS.terms("Printers are on every floor."));
    assertThat(near.expand(unrelated)).isEqualTo(unrelated);
  }

  @Test
  void anUnrelatedWordStandsForNothingAboveTheThreshold() {
    NearTerms near = NearTerms.find(question("gym"), Set.of(),
        passages("Personal deliveries to the office are not allowed."), TERM_OF, vectors, 0.82);
    assertThat(near.isEmpty()).isTrue();
    NearTerms loose = NearTerms.find(question("gym"), Set.of(),
        passages("Personal deliveries to the office are not allowed."), TERM_OF, vectors, 0.5);
    assertThat(loose.isEmpty()).as("a low threshold lets weaker neighbours in").isFalse();
  }

  @Test
  void aCompoundAndInitialsStandForTheQuestionWordOnlyWithAllTheirWords() {
    NearTerms near = NearTerms.find(question("payday", "arr"), Set.of("arr"),
        passages("Day 25: pay day for UK staff.",
            "Annual recurring revenue target: GBP 41.2 million"),
        TERM_OF, vectors, 0.82);
    assertThat(near.expand(Set.copyOf(TERMS.terms("pay day is the 25th"))))
        .contains(TERM_OF.apply("payday"));
    assertThat(near.expand(Set.copyOf(TERMS.terms("the day after"))))
        .doesNotContain(TERM_OF.apply("payday"));
    assertThat(near.expand(Set.copyOf(TERMS.terms("annual recurring revenue"))))
        .contains("arr");
    NearTerms notWrittenInCapitals = NearTerms.find(question("arr"), Set.of(),
        passages("Annual recurring revenue target"), TERM_OF, vectors, 0.82);
    assertThat(notWrittenInCapitals.expand(Set.copyOf(TERMS.terms("annual recurring revenue"))))
        .doesNotContain("arr");
  }

  @Test
  void wordVectorsAreCachedAndBounded() {
    WordVectors small = new WordVectors(embedder, 2);
    List<float[]> first = small.vectors(List.of("meal", "food"));
    assertThat(Embedder.cosine(first.get(0), first.get(1))).isGreaterThan(0.82f);
    assertThat(small.vectors(List.of("meal")).getFirst()).isSameAs(first.getFirst());
    small.vectors(List.of("printer"));
    assertThat(small.size()).isEqualTo(2);
    assertThatThrownBy(() -> new WordVectors(embedder, 0))
        .hasMessage("capacity must be >= 1, got 0");
  }
}
