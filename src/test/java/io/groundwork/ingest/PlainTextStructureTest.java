package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextStructureTest {
  @Test
  void recoversHeadingsParagraphsAndListItems() {
    PlainTextStructure s = PlainTextStructure.of("""
        # VPN Setup
        Install the **Cisco** client
        from the portal.

        ## Steps
        - Open the app
        - Sign in

        Office Guide
        ============
        Text.
        """);
    assertThat(s.text()).isEqualTo("""
        VPN Setup
        Install the Cisco client from the portal.
        Steps
        - Open the app
        - Sign in
        Office Guide
        Text.""");
    assertThat(s.headings()).extracting(Heading::text)
        .containsExactly("VPN Setup", "Steps", "Office Guide");
    assertThat(s.headings()).extracting(Heading::level).containsExactly(1, 2, 1);
    Heading steps = s.headings().get(1);
    assertThat(s.text().substring(steps.start())).startsWith("Steps");
  }

  @Test
  void anIndentedLineAlignedInColumnsIsARowAndTheTextAfterTheRowsIsNotPartOfTheLast() {
    PlainTextStructure s = PlainTextStructure.of("""
        Nightly hotel rate limits, including breakfast and taxes:
          Leeds and other UK cities:   GBP 130
          Lisbon and Porto:            EUR 160
        Employees travelling between offices may stay in the company apartment in Lisbon (Rua
        das Flores), booked through the office manager.
        A wrapped line
          indented deeper continues it.
        """);
    assertThat(s.text()).isEqualTo("""
        Nightly hotel rate limits, including breakfast and taxes:
        Leeds and other UK cities: GBP 130
        Lisbon and Porto: EUR 160
        Employees travelling between offices may stay in the company apartment in Lisbon (Rua\
         das Flores), booked through the office manager. A wrapped line indented deeper continues\
         it.""");
  }

  @Test
  void aLineInCapitalsOverTextIsAHeadingAndRowsIndentedAlikeAreBlocks() {
    PlainTextStructure s = PlainTextStructure.of("""
        PAYROLL RUN SCHEDULE 2025
        Owner: Payroll Manager

        2. UK MONTHLY CYCLE
          Day 10:  changes cut-off
          Day 25:  pay day; if the 25th is a weekend, the
                   previous working day
        December pay day is brought forward.

        NOTE IN CAPITALS THAT ENDS A SENTENCE.
        Text after it.

        UK
        """);
    assertThat(s.headings()).extracting(Heading::text)
        .containsExactly("PAYROLL RUN SCHEDULE 2025", "2. UK MONTHLY CYCLE");
    assertThat(s.text()).isEqualTo("""
        PAYROLL RUN SCHEDULE 2025
        Owner: Payroll Manager
        2. UK MONTHLY CYCLE
        Day 10: changes cut-off
        Day 25: pay day; if the 25th is a weekend, the previous working day
        December pay day is brought forward.
        NOTE IN CAPITALS THAT ENDS A SENTENCE. Text after it.
        UK""");
  }

  @Test
  void recordsListItemsWithTheirDepthAndTableRowsWithTheirCells() {
    PlainTextStructure s = PlainTextStructure.of("""
        ## Steps
        1. Open the app
        - Sign in
          - with your badge

        | Level | Range |
        |-------|-------|
        | L5 | GBP 78,000 |
        """);
    assertThat(s.text()).isEqualTo("""
        Steps
        1. Open the app
        - Sign in
        - with your badge
        | Level | Range |
        | L5 | GBP 78,000 |""");
    assertThat(s.blocks()).extracting(Block::kind, Block::level).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Block.Kind.HEADING, 2),
        org.assertj.core.groups.Tuple.tuple(Block.Kind.NUMBERED_ITEM, 1),
        org.assertj.core.groups.Tuple.tuple(Block.Kind.ITEM, 1),
        org.assertj.core.groups.Tuple.tuple(Block.Kind.ITEM, 2),
        org.assertj.core.groups.Tuple.tuple(Block.Kind.HEADER_ROW, 0),
        org.assertj.core.groups.Tuple.tuple(Block.Kind.ROW, 0));
    Block item = s.blocks().get(2);
    assertThat(s.text().substring(item.start(), item.end())).isEqualTo("Sign in");
    Block row = s.blocks().getLast();
    assertThat(row.cells()).extracting(c -> s.text().substring(c.start(), c.end()))
        .containsExactly("L5", "GBP 78,000");
  }
}
