package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
