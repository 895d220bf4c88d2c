package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TikaDocumentParserTest {
  private final TikaDocumentParser parser = new TikaDocumentParser();

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static InputStream resource(String name) {
    return TikaDocumentParserTest.class.getResourceAsStream("/bad-files/" + name);
  }

  @Test
  void htmlKeepsTitleAndHeadingsAndDropsMarkup() throws Exception {
    ParsedDocument doc = parser.parse(bytes("""
        <html><head><title>Printing Guide</title><style>p{}</style></head>
        <body><h1>Printing</h1><p>Use queue   <b>LEEDS-2F</b>.</p>
        <h2>Colour</h2><p>Colour printing needs a cost code.</p></body></html>"""), "print.html");
    assertThat(doc.title()).isEqualTo("Printing Guide");
    assertThat(doc.mediaType()).isEqualTo("text/html");
    assertThat(doc.text()).isEqualTo(
        "Printing\nUse queue LEEDS-2F.\nColour\nColour printing needs a cost code.");
    assertThat(doc.headingPath(doc.text().indexOf("Colour printing")))
        .containsExactly("Printing", "Colour");
  }

  @Test
  void pdfRunningHeaderFooterAndPageNumbersAreLeftOut() throws Exception {
    byte[] pdf = GeneratedFiles.pdf("Fleet Handbook", "Larkspur Fleet Handbook - Internal",
        List.of(List.of("Fleet Handbook", "Servicing", "Vans are serviced every 90 days.",
                "Fuel cards are kept in the office safe."),
            List.of("Damage", "Report damage to the fleet desk within 24 hours."),
            List.of("Parking", "Parking is free at the Leeds office.")));
    ParsedDocument doc = parser.parse(new ByteArrayInputStream(pdf), "fleet.pdf");
    assertThat(doc.title()).isEqualTo("Fleet Handbook");
    assertThat(doc.text()).doesNotContain("Internal").doesNotContain("Page ")
        .isEqualTo("""
            Fleet Handbook
            Servicing
            Vans are serviced every 90 days.
            Fuel cards are kept in the office safe.
            Damage
            Report damage to the fleet desk within 24 hours.
            Parking
            Parking is free at the Leeds office.""");
    assertThat(doc.boilerplateBlocks()).isEqualTo(6);
    // The title line is the level-1 heading; short lines followed by text are sections.
    assertThat(doc.headings()).extracting(Heading::level, Heading::text).containsExactly(
        tuple(1, "Fleet Handbook"), tuple(2, "Servicing"), tuple(2, "Damage"),
        tuple(2, "Parking"));
    assertThat(doc.pageStarts()).containsExactly(0, doc.text().indexOf("Damage"),
        doc.text().indexOf("Parking\n"));
    assertThat(doc.blocks()).filteredOn(b -> b.kind() == Block.Kind.PAGE)
        .extracting(Block::level).containsExactly(1, 2, 3);
  }

  @Test
  void aSinglePagePdfLosesItsPageNumberFooter() throws Exception {
    byte[] pdf = GeneratedFiles.pdf("Visitor Rules", "Visitor Rules",
        List.of(List.of("Visitors sign in at reception and wear a badge.")));
    ParsedDocument doc = parser.parse(new ByteArrayInputStream(pdf), "visitors.pdf");
    // The header here is the title itself: the document's level-1 heading, not boilerplate.
    assertThat(doc.text()).isEqualTo("Visitor Rules\nVisitors sign in at reception and wear a badge.");
    assertThat(doc.boilerplateBlocks()).isEqualTo(1);
  }

  @Test
  void docxHeaderAndFooterStayOutOfTheBodyAndTablesKeepTheirCells() throws Exception {
    byte[] docx = GeneratedFiles.docx("Acme Confidential - Kitchen", "Facilities team - page",
        "Kitchen rules", List.of("Clean the fridge on Fridays.", "Mugs go in the dishwasher."),
        List.of(List.of("Day", "Task"), List.of("Monday", "Recycling out by 9am")));
    ParsedDocument doc = parser.parse(new ByteArrayInputStream(docx), "kitchen.docx");
    assertThat(doc.text()).doesNotContain("Acme Confidential").doesNotContain("Facilities team")
        .contains("Clean the fridge on Fridays.")
        .contains("Day | Task\nMonday | Recycling out by 9am");
    Block row = doc.blocks().stream().filter(b -> b.kind() == Block.Kind.ROW).toList().getLast();
    assertThat(row.cells()).extracting(c -> doc.text().substring(c.start(), c.end()))
        .containsExactly("Monday", "Recycling out by 9am");
  }

  @Test
  void htmlNavigationHeaderFooterAndSidebarAreLeftOut() throws Exception {
    ParsedDocument doc = parser.parse(bytes("""
        <html><head><title>Kitchen</title></head><body>
        <header><a href="/">Intranet home</a> | <a href="/hr">HR</a></header>
        <nav><ul><li><a href="/p">Policies</a></li><li>Contacts</li></ul></nav>
        <div role="navigation">Skip to content</div>
        <main><article><header><h1>Kitchen rules</h1></header>
        <p>Clean the fridge on Fridays.</p>
        <ol><li>Rinse your mug.</li><li>Put it in the dishwasher.</li></ol>
        <table><tr><th>Day</th><th>Task</th></tr><tr><td>Monday</td><td>Recycling</td></tr></table>
        </article></main>
        <aside>Related: Parking</aside>
        <footer>&copy; 2025 Larkspur. All rights reserved.</footer></body></html>"""),
        "kitchen.html");
    assertThat(doc.text()).isEqualTo("""
        Kitchen rules
        Clean the fridge on Fridays.
        Rinse your mug.
        Put it in the dishwasher.
        Day | Task
        Monday | Recycling""");
    assertThat(doc.boilerplateBlocks()).isEqualTo(6);
    assertThat(doc.blocks()).extracting(Block::kind).containsExactly(Block.Kind.HEADING,
        Block.Kind.PARAGRAPH, Block.Kind.NUMBERED_ITEM, Block.Kind.NUMBERED_ITEM,
        Block.Kind.HEADER_ROW, Block.Kind.ROW);
  }

  @Test
  void pentestSampleKeepsItsFindingsAndLosesItsPageFooters() throws Exception {
    try (InputStream in = Files.newInputStream(
        Path.of("ingestion/samples/security/confidential/pentest-findings-2025.pdf"))) {
      ParsedDocument doc = parser.parse(in, "pentest-findings-2025.pdf");
      assertThat(doc.text()).doesNotContain("Page 1 of 2").doesNotContain("Page 2 of 2")
          .contains("Kestrel reported 17 findings: 0 critical, 3 high");
      assertThat(doc.headings()).extracting(Heading::text)
          .startsWith("Penetration Test Findings Summary - Q2 2025", "Engagement");
      assertThat(doc.text()).contains("\n- H1, insecure direct object reference");
    }
  }

  @Test
  void aWordListWhoseNumberingRestartsByOverrideIsNumberedAsWordShowsIt() throws Exception {
    try (InputStream in = Files.newInputStream(
        Path.of("ingestion/samples/legal/contract-signing-authority.docx"))) {
      ParsedDocument doc = parser.parse(in, "contract-signing-authority.docx");
      assertThat(doc.text()).contains("\n1. Upload the final draft", "\n2. Legal checks",
          "\n3. The signatory signs", "\n4. DocuSeal files");
    }
  }

  @Test
  void numberedParagraphsKeepTheirNumbersUnlessEveryOneSaysTheSame() throws Exception {
    ParsedDocument doc = parser.parse(bytes("""
        <html><head><title>Steps</title></head><body><h1>Steps</h1>
        <p>1. Open the portal.</p><p>1. Choose a group.</p><p>1. Connect.</p>
        <h2>Other</h2><p>1. Book.</p><p>3. Pay.</p></body></html>"""), "steps.html");
    assertThat(doc.text()).isEqualTo("Steps\n1. Open the portal.\n2. Choose a group.\n"
        + "3. Connect.\nOther\n1. Book.\n3. Pay.");
  }

  @Test
  void markdownTitleComesFromItsFirstHeading() throws Exception {
    ParsedDocument doc = parser.parse(bytes("# Expenses\n\nClaim within 30 days.\n"), "exp.md");
    assertThat(doc.title()).isEqualTo("Expenses");
    assertThat(doc.mediaType()).isEqualTo("text/markdown");
    assertThat(doc.text()).isEqualTo("Expenses\nClaim within 30 days.");
  }

  @Test
  void emptyFileIsRefused() {
    assertThatThrownBy(() -> parser.parse(resource("empty.txt"), "empty.txt"))
        .isInstanceOf(DocumentParseException.class).hasMessage("file is empty");
  }

  @Test
  void malformedPdfIsRefusedWithItsReason() {
    assertThatThrownBy(() -> parser.parse(resource("malformed.pdf"), "malformed.pdf"))
        .isInstanceOf(DocumentParseException.class).hasMessageStartingWith("malformed PDF: ");
  }

  @Test
  void unsupportedTypeIsRefused() {
    assertThatThrownBy(() -> parser.parse(resource("photo.bin"), "photo.bin"))
        .isInstanceOf(DocumentParseException.class)
        .hasMessageStartingWith("unsupported file type application/octet-stream");
  }

  @Test
  void imageIsRefusedByItsDetectedType() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(png), "notes.txt"))
        .isInstanceOf(DocumentParseException.class).hasMessage("unsupported file type image/png");
  }
}
