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

  private List<String> sentences(String text) {
    List<TextSpan> spans = splitter.split(text);
    for (TextSpan s : spans) {
      assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
    }
    return spans.stream().map(TextSpan::text).toList();
  }

  @Test
  void abbreviationsAndInitialsDoNotEndASentence() {
    assertThat(sentences("Several genes (e.g. ID2, LGALS1) were induced, i.e. Most of them."))
        .containsExactly("Several genes (e.g. ID2, LGALS1) were induced, i.e. Most of them.");
    assertThat(sentences("As Smith et al. (2004) showed, IL-6 vs. TNF differed (Fig. 3)."))
        .containsExactly("As Smith et al. (2004) showed, IL-6 vs. TNF differed (Fig. 3).");
    assertThat(sentences("It regulates soxRS (B. Demple and C.F. Amabile, 1991). It binds DNA."))
        .containsExactly("It regulates soxRS (B. Demple and C.F. Amabile, 1991).",
            "It binds DNA.");
  }

  @Test
  void aSingleCapitalAfterAWordEndsASentence() {
    assertThat(sentences("It is lower than that of cyclin B. Overexpression rescues it."))
        .containsExactly("It is lower than that of cyclin B.", "Overexpression rescues it.");
  }

  @Test
  void numbersAndStatisticsDoNotEndASentence() {
    assertThat(sentences("Risk fell (1.5 +/- 0.2 vs. 2.3, P < 0.05). The mean was 0.5."))
        .containsExactly("Risk fell (1.5 +/- 0.2 vs. 2.3, P < 0.05).", "The mean was 0.5.");
  }

  @Test
  void aSentenceMayStartWithALowerCaseIdentifierOrANumber() {
    assertThat(sentences("It was higher in mice. miR-375 bound ATG7. We screened 40. 31 were"
        + " eligible."))
        .containsExactly("It was higher in mice.", "miR-375 bound ATG7.", "We screened 40.",
            "31 were eligible.");
  }

  @Test
  void aStopAfterAnAbbreviationOrLetterBeforeALowerCaseWordIsNoBreak() {
    assertThat(sentences("Bacteria (E. coli and S. aureus) grew, see p. 561 and Aug. 31 (IL-6,"
        + " TNF, etc.) and more. The office opens at 8 a.m. and closes at 6 p.m. Sign in."))
        .containsExactly("Bacteria (E. coli and S. aureus) grew, see p. 561 and Aug. 31 (IL-6,"
            + " TNF, etc.) and more.", "The office opens at 8 a.m. and closes at 6 p.m.",
            "Sign in.");
  }
}
