package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableRowsTest {
  private static final String TEXT = """
      Who may sign what
      Type of contract | Up to GBP 50,000 | Above GBP 50,000
      Customer contracts | Head of Sales | CEO
      Supplier contracts | Finance Director | CFO
      Process
      | Limit | Starter | Team |
      | Active pipelines | 10 | 60 |""";

  private static int at(String line) {
    return TEXT.indexOf(line) + 3;
  }

  @Test
  void rowsAreLinesOfCellsAndTheFirstRowAfterOtherTextIsTheHeader() {
    assertThat(TableRows.isRow(TEXT, at("Who may sign"))).isFalse();
    assertThat(TableRows.isRow(TEXT, at("Type of contract"))).isTrue();
    assertThat(TableRows.isHeader(TEXT, at("Type of contract"))).isTrue();
    assertThat(TableRows.isHeader(TEXT, at("Supplier contracts"))).isFalse();
    assertThat(TableRows.headerOf(TEXT, at("Supplier contracts")))
        .isEqualTo(TEXT.indexOf("Type of contract"));
    assertThat(TableRows.isRow(TEXT, at("Process"))).isFalse();
    assertThat(TableRows.isHeader(TEXT, at("| Limit"))).isTrue();
    assertThat(TableRows.headerOf(TEXT, at("| Active"))).isEqualTo(TEXT.indexOf("| Limit"));
  }

  @Test
  void rowsAtTheStartOfTheTextHaveNoHeaderThere() {
    String continued =
        "Supplier contracts | Finance Director | CFO\nNDAs | Any director | Any\nEnd.";
    assertThat(TableRows.isHeader(continued, 0)).isFalse();
    assertThat(TableRows.headerOf(continued, continued.indexOf("NDAs"))).isEqualTo(-1);
    assertThat(TableRows.headerOf(continued, continued.indexOf("End."))).isEqualTo(-1);
    assertThat(TableRows.isRow("a sentence with a pipe|in it", 0)).isFalse();
  }
}
