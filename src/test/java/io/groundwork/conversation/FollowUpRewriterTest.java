package io.groundwork.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpRewriterTest {
  private final FollowUpRewriter rewriter = new FollowUpRewriter();

  @Test
  void aFirstQuestionIsSearchedAsAsked() {
    assertThat(rewriter.standalone(List.of(), "How do I report a phishing email?"))
        .isEqualTo("How do I report a phishing email?");
  }

  @Test
  void anAnaphoricFollowUpCarriesThePreviousSubject() {
    List<Turn> history = List.of(new Turn("How do I report a phishing email?", null, "..."));
    assertThat(rewriter.standalone(history, "And if I already typed my password?"))
        .isEqualTo("And if I already typed my password? (report phishing email)");
    assertThat(rewriter.standalone(history, "Who handles them?"))
        .isEqualTo("Who handles them? (report phishing email)");
  }

  @Test
  void aShortFollowUpCarriesTheSubjectButAFullQuestionStandsAlone() {
    List<Turn> history = List.of(new Turn("How many days of annual leave do I get?", null, ""));
    assertThat(rewriter.standalone(history, "And in Lisbon?"))
        .isEqualTo("And in Lisbon? (days annual leave)");
    assertThat(rewriter.standalone(history, "Carry over?"))
        .isEqualTo("Carry over? (days annual leave)");
    String full = "Which VPN client should I install on a new company laptop?";
    assertThat(rewriter.standalone(history, full)).isEqualTo(full);
  }

  @Test
  void aThirdTurnStillKnowsWhatTheFirstWasAbout() {
    Turn first = new Turn("How do I report a phishing email?", null, "");
    Turn second = new Turn("And if I already typed my password?",
        "And if I already typed my password? (report phishing email)", "");
    assertThat(rewriter.standalone(List.of(first, second), "Who do I call about it?"))
        .isEqualTo("Who do I call about it? (typed password report phishing email)");
  }

  @Test
  void wordsTheFollowUpAlreadySaysAreNotRepeatedAndTheSubjectIsBounded() {
    List<Turn> history = List.of(new Turn(
        "What are the expense limits for hotels, meals, trains, flights, taxis and parking in London?",
        null, ""));
    String rewritten = rewriter.standalone(history, "What about meals?");
    assertThat(rewritten).startsWith("What about meals? (");
    assertThat(rewritten.substring(rewritten.indexOf('(')).split(" ")).hasSize(8)
        .doesNotContain("meals");
  }

  @Test
  void validatesItsSettings() {
    assertThatThrownBy(() -> new FollowUpRewriter(-1, 8))
        .hasMessage("shortQuestionTerms must be >= 0, got -1");
    assertThatThrownBy(() -> new FollowUpRewriter(3, 0))
        .hasMessage("maxCarriedTerms must be >= 1, got 0");
  }
}
