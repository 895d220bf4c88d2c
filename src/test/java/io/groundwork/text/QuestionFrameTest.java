package io.groundwork.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuestionFrameTest {
  @Test
  void keepsTheWordsAQuestionIsAbout() {
    assertThat(QuestionFrame.keywords("what does CDC mean")).isEqualTo("CDC");
    assertThat(QuestionFrame.keywords("Who's our CFO?")).isEqualTo("CFO");
    assertThat(QuestionFrame.keywords("How long can I work from abroad?"))
        .isEqualTo("long work from abroad");
    assertThat(QuestionFrame.keywords("what\u2019s the number for the employee assistance line"))
        .isEqualTo("the number for the employee assistance line");
  }

  @Test
  void aQuestionOfFramingWordsOnlyIsKeptWhole() {
    assertThat(QuestionFrame.keywords("Who are you?")).isEqualTo("Who are you?");
    assertThat(QuestionFrame.keywords("  ")).isEqualTo("  ");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> QuestionFrame.keywords(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("question must not be null");
  }
}
