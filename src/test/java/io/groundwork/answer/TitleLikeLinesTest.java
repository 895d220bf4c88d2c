package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TitleLikeLinesTest {
  private static final String TITLE = "Penetration Test Findings Summary - Q2 2025";

  private static boolean titleLike(String line) {
    return TitleLikeLines.isTitleLike(line, TITLE, Set.of("High findings"));
  }

  @Test
  void runningHeadersTitlesAndHeadingsAreNotStatements() {
    assertThat(titleLike("Penetration Test Findings Summary - Q2 2025 - Page 1 of 2")).isTrue();
    assertThat(titleLike("Page 3 of 7")).isTrue();
    assertThat(titleLike("- 4 -")).isTrue();
    assertThat(titleLike(TITLE)).isTrue();
    assertThat(titleLike("High findings")).isTrue();
    assertThat(titleLike("UK bands (Leeds), annual base salary")).isTrue();
    assertThat(titleLike("Spotting a phishing message")).isTrue();
    assertThat(titleLike("4. CLASS OF TRAVEL")).isTrue();
  }

  @Test
  void aListMarkerAloneIsTheStartOfALine() {
    assertThat(TitleLikeLines.isListMarker("4. ")).isTrue();
    assertThat(TitleLikeLines.isListMarker("  - ")).isTrue();
    assertThat(TitleLikeLines.isListMarker("Rail: ")).isFalse();
    assertThat(TitleLikeLines.isListMarker("")).isFalse();
  }

  @Test
  void shortLinesWithAValueAndListItemsAreStatements() {
    assertThat(titleLike("At least 14 characters.")).isFalse();
    assertThat(titleLike("London: GBP 220")).isFalse();
    assertThat(titleLike("- Tomas Ferreira, Chief Financial Officer")).isFalse();
    assertThat(titleLike("2. SEV1 AND SEV2 ONLY")).isFalse();
    assertThat(titleLike("3. Book through the travel agency")).isFalse();
    assertThat(titleLike("Kestrel reported 17 findings: 0 critical, 3 high, 6 medium.")).isFalse();
    assertThat(titleLike("Choose the group LARK-STAFF")).isFalse();
    assertThat(titleLike("Do not panic, and do not try to fix it yourself.")).isFalse();
  }

  @Test
  void stepsAreListItemsOrImperatives() {
    assertThat(TitleLikeLines.isStep("Change your password immediately.")).isTrue();
    assertThat(TitleLikeLines.isStep("1. Open Cisco Secure Client.")).isTrue();
    assertThat(TitleLikeLines.isStep("Passwords do not expire.")).isFalse();
    assertThat(TitleLikeLines.isStep("Is it allowed?")).isFalse();
    assertThat(TitleLikeLines.isStep("- Open Company Portal and sign in.")).isTrue();
    assertThat(TitleLikeLines.isStep("- Leeds file server (LDS-FS01): incremental every night."))
        .isFalse();
  }
}
