package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to hurt the parser end as parse failures with a reason, not as garbage chunks or a
 * heap exhausted (the packaged-app check at the deployment's heap is {@code ZipBombIT}).
 */
class HostileFileParsingTest {
  private final TikaDocumentParser parser = new TikaDocumentParser();

  @TempDir
  Path dir;

  private DocumentParseException failure(InputStream in, String name) {
    return catchThrowableOfType(DocumentParseException.class, () -> parser.parse(in, name));
  }

  @Test
  void randomBytesAreNotTextWhateverTheirName() {
    for (String name : new String[] {"blob.md", "blob.txt", "blob.html", "blob"}) {
      DocumentParseException e = failure(
          new ByteArrayInputStream(HostileFiles.randomBytes(42, 2 * 1024 * 1024)), name);
      assertThat(e).as(name).isNotNull();
      assertThat(e.reason()).as(name).isIn(FailureReason.NOT_TEXT, FailureReason.UNSUPPORTED_TYPE);
    }
    DocumentParseException md = failure(
        new ByteArrayInputStream(HostileFiles.randomBytes(7, 2 * 1024 * 1024)), "blob.md");
    assertThat(md.reason()).isEqualTo(FailureReason.NOT_TEXT);
    assertThat(md.getMessage()).isEqualTo(
        "the file's bytes are not text, although its name or type says text/markdown");
  }

  @Test
  void textWithAFewControlCharactersOrInLatin1IsStillText() throws Exception {
    String text = "# Café rules\n\nThe café opens at 08:00.\u000C\nTabs\tare fine.\n";
    assertThat(parser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
        "cafe.md").text()).contains("opens at 08:00");
    String utf16 = "Notes\n\nThe printer on floor two takes A3 paper.\n";
    assertThat(parser.parse(new ByteArrayInputStream(utf16.getBytes(StandardCharsets.UTF_16)),
        "notes.txt").text()).contains("A3 paper");
  }

  @Test
  void aZipBombDocxIsRefusedBeforeItExpands() throws Exception {
    Path bomb = HostileFiles.zipBombDocx(dir.resolve("bomb.docx"), 300L * 1024 * 1024);
    assertThat(Files.size(bomb)).isLessThan(2 * 1024 * 1024);
    try (InputStream in = Files.newInputStream(bomb)) {
      DocumentParseException e = failure(in, "bomb.docx");
      assertThat(e.reason()).as(e.getMessage()).isEqualTo(FailureReason.MALFORMED);
      assertThat(e.getMessage()).startsWith("malformed DOCX: ").containsIgnoringCase("zip bomb");
    }
  }

  @Test
  void parsingStopsAtTheTimeLimit() {
    TikaDocumentParser impatient = new TikaDocumentParser(Duration.ofNanos(1));
    String html = "<html><body>" + "<p>Paragraph of an endless document.</p>".repeat(2000)
        + "</body></html>";
    DocumentParseException e = catchThrowableOfType(DocumentParseException.class,
        () -> impatient.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)),
            "slow.html"));
    assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED);
    assertThat(e.getMessage()).contains("parsing took longer than");
  }
}
