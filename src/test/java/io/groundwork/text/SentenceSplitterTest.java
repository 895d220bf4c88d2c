package io.groundwork.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  private final SentenceSplitter splitter = new SentenceSplitter();

  @Test
  void splitsSentencesWithExactOffsets() {
    String text = "Leave Policy\nStaff get 27 days. Book them in PeopleHub!  Ask HR?";
    List<TextSpan> sentences = splitter.split(text);
    assertThat(sentences).extracting(TextSpan::text).containsExactly(
        "Leave Policy", "Staff get 27 days.", "Book them in PeopleHub!", "Ask HR?");
    for (TextSpan s : sentences) {
      assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
    }
  }

  @Test
  void lineBreaksEndSentencesAndBlankLinesAreSkipped() {
    assertThat(splitter.split("First line\n\n  \nSecond line"))
        .extracting(TextSpan::text).containsExactly("First line", "Second line");
    assertThat(splitter.split("")).isEmpty();
  }
}
