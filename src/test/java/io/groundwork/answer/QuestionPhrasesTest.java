package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundwork.answer.QuestionPhrases.Phrase;
import io.groundwork.text.TermAnalyzer;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class QuestionPhrasesTest {
  private static final TermAnalyzer TERMS = new TermAnalyzer();
  private static final Set<String> QUESTION_WORDS = Set.of("how", "do", "i", "get", "what");
  /** Content terms as the answerer reads them: analysed, at least three letters. */
  private static final UnaryOperator<String> CONTENT = word -> {
    if (word.length() < 3 || !word.chars().allMatch(Character::isLetter)
        || QUESTION_WORDS.contains(word)) {
      return null;
    }
    List<String> terms = TERMS.terms(word);
    return terms.size() == 1 ? terms.getFirst() : null;
  };

  @Test
  void adjacentContentWordsArePhrasesAndStopWordsBreakThem() {
    QuestionPhrases phrases = new QuestionPhrases(
        "What's the interest rate on the HSBC credit facility?", CONTENT);
    assertThat(phrases.phrases()).extracting(Phrase::first, Phrase::second)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("interest", "rate"),
            org.assertj.core.groups.Tuple.tuple("hsbc", "credit"),
            org.assertj.core.groups.Tuple.tuple("credit", "facil"));
    assertThat(new QuestionPhrases("how do I get it", CONTENT).phrases()).isEmpty();
  }

  @Test
  void aTextStatesAPhraseInOrderOrReversedAcrossOfOrFor() {
    QuestionPhrases car = new QuestionPhrases("how do I get a company car", CONTENT);
    assertThat(car.coverage(List.of("Use of a personal car on company business is reimbursed.")))
        .isZero();
    assertThat(car.coverage(List.of("Company cars are not offered."))).isEqualTo(1.0);
    assertThat(car.coverage(List.of("A company pool car can be booked."))).isEqualTo(1.0);
    assertThat(car.coverage(List.of("Nothing here.", "The car of the company."))).isEqualTo(1.0);
    QuestionPhrases rate = new QuestionPhrases("what's the CEO's salary", CONTENT);
    assertThat(rate.phrases()).extracting(Phrase::first).containsExactly("ceo");
    assertThat(rate.coverage(List.of("The CEO signs contracts above GBP 250,000."))).isZero();
    assertThat(rate.coverage(List.of("The CEO's salary is set by the board."))).isEqualTo(1.0);
  }

  @Test
  void aQuestionWithoutPhrasesIsFullyCoveredAndNullsAreRejected() {
    assertThat(new QuestionPhrases("salary?", CONTENT).coverage(List.of("nothing")))
        .isEqualTo(1.0);
    assertThatThrownBy(() -> new QuestionPhrases(null, CONTENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("question and contentTerm are required");
  }
}
