package io.groundwork.draft;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.answer.Citation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextDiffTest {
  @Test
  void sentencesAreKeptRemovedOrAdded() {
    List<String> diff = TextDiff.sentences(
        "Hi Dana,\n\nThe lock lasts 30 minutes. It clears by itself.",
        "Hi Dana, sorry!\n\nThe lock lasts 30 minutes. Call us today.");
    assertThat(diff).containsExactly("- Hi Dana,", "+ Hi Dana, sorry!",
        "  The lock lasts 30 minutes.", "- It clears by itself.", "+ Call us today.");
    assertThat(TextDiff.changed(diff)).isTrue();
    assertThat(TextDiff.changed(TextDiff.sentences("A b c. D e.", "A b c.\nD e."))).isFalse();
  }

  @Test
  void aCitedSentenceSurvivesWhenTheFinalTextStillHoldsItWithoutItsMarkers() {
    Citation citation = new Citation(1, "d", "Macro", "support/macro.txt", "c", 0, 10, 0,
        "The lock lasts 30 minutes.", "/view.html?doc=d&start=0&end=10");
    DraftContent content = new DraftContent(List.of(
        DraftSentence.template(DraftSentence.GREETING, "Hi Dana,"),
        new DraftSentence("The lock lasts 30 minutes.", DraftSentence.ANSWER, 0, List.of(1), 1.0,
            "supported"),
        new DraftSentence("It clears by itself.", DraftSentence.ANSWER, 0, List.of(1), 0.9,
            "supported")),
        List.of(new DraftAsk("How long?", true, List.of(1), null)), List.of(citation),
        "extractive", "v", List.of(List.of("c")), Map.of());
    List<DraftApprovals.SurvivingSentence> surviving = DraftApprovals.surviving(content,
        "Hello Dana,\nthe lock lasts   30 minutes.");
    assertThat(surviving).extracting(DraftApprovals.SurvivingSentence::survived)
        .containsExactly(true, false);
    assertThat(surviving.getFirst().cites()).containsExactly("support/macro.txt [0-10]");
  }

  @Test
  void theReplyTextPutsEachAsksSentencesInOneParagraphAndTheClosingLinesTogether() {
    String text = Drafting.text(List.of(
        DraftSentence.template(DraftSentence.GREETING, "Hi Dana,"),
        DraftSentence.template(DraftSentence.OPENING, "Thank you."),
        new DraftSentence("A.", DraftSentence.ANSWER, 0, List.of(1), 1.0, "supported"),
        new DraftSentence("B.", DraftSentence.ANSWER, 0, List.of(1, 2), 0.4, "flagged"),
        new DraftSentence("C.", DraftSentence.ANSWER, 1, List.of(3), 1.0, "supported"),
        DraftSentence.template(DraftSentence.HOLDING, "We will come back to you."),
        DraftSentence.template(DraftSentence.CLOSING, "Best regards,"),
        DraftSentence.template(DraftSentence.CLOSING, "sam")));
    assertThat(text).isEqualTo("Hi Dana,\n\nThank you.\n\nA. [1] B. [1][2] [unverified]\n\n"
        + "C. [3]\n\nWe will come back to you.\n\nBest regards,\nsam");
  }
}
