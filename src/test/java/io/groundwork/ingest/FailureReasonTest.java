package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The parser classifies each failure, for the {@code groundwork_ingest_failures_total} metric. */
class FailureReasonTest {
  private final TikaDocumentParser parser = new TikaDocumentParser();

  private FailureReason reasonFor(String badFile) {
    InputStream in = FailureReasonTest.class.getResourceAsStream("/bad-files/" + badFile);
    return catchThrowableOfType(DocumentParseException.class, () -> parser.parse(in, badFile))
        .reason();
  }

  @Test
  void eachBadFileGetsItsReason() {
    assertThat(reasonFor("empty.txt")).isEqualTo(FailureReason.EMPTY);
    assertThat(reasonFor("malformed.pdf")).isEqualTo(FailureReason.MALFORMED);
    assertThat(reasonFor("photo.bin")).isEqualTo(FailureReason.UNSUPPORTED_TYPE);
    DocumentParseException blank = catchThrowableOfType(DocumentParseException.class,
        () -> parser.parse(new ByteArrayInputStream("   \n\n  ".getBytes()), "blank.txt"));
    assertThat(blank.reason()).isEqualTo(FailureReason.NO_TEXT);
  }

  @Test
  void labelsAreDistinctPrometheusLabelValues() {
    assertThat(java.util.Arrays.stream(FailureReason.values()).map(FailureReason::label)
        .distinct().count()).isEqualTo(FailureReason.values().length);
    for (FailureReason reason : FailureReason.values()) {
      assertThat(reason.label()).matches("[a-z_]+");
    }
  }
}
