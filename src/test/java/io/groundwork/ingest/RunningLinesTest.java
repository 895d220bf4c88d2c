package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningLinesTest {
  private static RawBlock line(int page, String text) {
    return new RawBlock(RawBlock.Type.PARAGRAPH, text, 0, List.of(), page, false, 1);
  }

  @Test
  void linesRepeatedAtPageEdgesAndPageNumbersAreRunningButRepeatedBodyLinesAreNot() {
    List<RawBlock> blocks = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      blocks.add(line(page, "ACME Ltd - Quarterly report 2025 - " + page));
      blocks.add(line(page, "Opening paragraph: " + (page * 7 + 10) + " units sold."));
      blocks.add(line(page, "Middle paragraph " + page + " that says something else."));
      blocks.add(line(page, "Region"));
      blocks.add(line(page, "Another paragraph " + page + " that says something more."));
      blocks.add(line(page, "Closing paragraph: " + (page * 3 + 20) + " units returned."));
      blocks.add(line(page, "- " + page + " -"));
    }
    List<String> running = RunningLines.find(blocks).stream().sorted()
        .map(i -> blocks.get(i).text()).toList();
    // "Region" repeats on every page but inside the page, not at its edge: a table column head;
    // the paragraphs at the edges differ in numbers other than the page's own.
    assertThat(running).hasSize(8).noneMatch(t -> t.equals("Region"))
        .allMatch(t -> t.startsWith("ACME Ltd") || t.matches("- \\d -"));
  }

  @Test
  void pageNumberPatterns() {
    assertThat(RunningLines.isPageNumber(RunningLines.normalise("Handbook - Page 2 of 9"))).isTrue();
    assertThat(RunningLines.isPageNumber(RunningLines.normalise("Page 12"))).isTrue();
    assertThat(RunningLines.isPageNumber(RunningLines.normalise("3 / 12"))).isTrue();
    assertThat(RunningLines.isPageNumber(RunningLines.normalise("- 4 -"))).isTrue();
    assertThat(RunningLines.isPageNumber(RunningLines.normalise("See page 4."))).isFalse();
    assertThat(RunningLines.isPageNumber(RunningLines.normalise("12 weeks of leave"))).isFalse();
  }

  @Test
  void aDocumentWithoutPagesHasNoRunningLines() {
    assertThat(RunningLines.find(List.of(line(0, "Page 1 of 2"), line(0, "Text.")))).isEmpty();
  }
}
