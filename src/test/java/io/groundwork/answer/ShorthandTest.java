package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShorthandTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "how many ppl are in the lisbon office | how many people are in the lisbon office",
      "who did our 2025 pen test | who did our 2025 penetration test",
      "Pentest findings | penetration test findings",
      "how often should managers do 1:1s | how often should managers do one-to-one",
      "total opex planned for Q3? | total operating expenditure planned for Q3?",
      "which banks do we do FX forwards with? | which banks do we do foreign exchange forwards with?",
      "can I wfh on fridays | can I working from home on fridays"})
  void spellsOutShorthand(String question, String expected) {
    assertThat(Shorthand.spelledOut(question)).isEqualToIgnoringCase(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ask HR about hours", "the information desk", "input/output", "fxrate", "a 1:10 ratio",
      "Pentesting tools"})
  void leavesWordsThatOnlyContainShorthandAlone(String text) {
    assertThat(Shorthand.spelledOut(text)).isEqualTo(text);
  }
}
