package io.groundwork.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Numbered pseudonyms for what a language model is sent: one placeholder per value, the same
 * value the same placeholder, restored in the reply, also when the reply arrives in pieces that
 * split a placeholder.
 */
class PiiPseudonymsTest {
  private static final long SEED = 20261205L;
  private static final PiiRedactor REDACTOR = PiiRedactors.of(PiiFixtureTest.config(
      List.of("email", "phone", "iban", "card", "uk-nino", "us-ssn"),
      Map.of("employee-id", "EMP-\\d{6}")));

  @Test
  void eachValueGetsOneNumberedPlaceholderOfItsKindAndIsRestored() {
    PiiPseudonyms pseudonyms = new PiiPseudonyms(REDACTOR);
    String masked = pseudonyms.mask("Mail ann@example.com or bob@example.com, then ann@example.com"
        + " again; call +44 20 7946 0958. Staff EMP-123456.");
    assertThat(masked).isEqualTo("Mail [EMAIL-1] or [EMAIL-2], then [EMAIL-1] again; call"
        + " [PHONE-1]. Staff [EMPLOYEE-ID-1].");
    // A second text of the same exchange keeps the numbering.
    assertThat(pseudonyms.mask("From bob@example.com")).isEqualTo("From [EMAIL-2]");
    assertThat(pseudonyms.masked()).isEqualTo(Map.of("email", 4, "phone", 1, "employee-id", 1));
    assertThat(pseudonyms.restore("Write to [EMAIL-2], not [EMAIL-1]; [PHONE-1] [1]. [EMAIL-7]"))
        .isEqualTo("Write to bob@example.com, not ann@example.com; +44 20 7946 0958 [1]."
            + " [EMAIL-7]");
  }

  @Test
  void aPlaceholderAlreadyInTheTextIsNeverHandedOut() {
    PiiPseudonyms pseudonyms = new PiiPseudonyms(REDACTOR);
    String masked = pseudonyms.mask("The template reads [EMAIL-1]; the sender was"
        + " carol@example.com.");
    assertThat(masked).isEqualTo("The template reads [EMAIL-1]; the sender was [EMAIL-2].");
    assertThat(pseudonyms.restore("[EMAIL-1] and [EMAIL-2]"))
        .isEqualTo("[EMAIL-1] and carol@example.com");
  }

  @Test
  void withoutDetectorsTextPassesUnchanged() {
    PiiPseudonyms pseudonyms = new PiiPseudonyms(PiiRedactor.none());
    assertThat(pseudonyms.mask("ann@example.com")).isEqualTo("ann@example.com");
    assertThat(pseudonyms.masked()).isEmpty();
  }

  @Test
  void aStreamedReplyIsRestoredWhereverThePiecesSplitIt() {
    PiiPseudonyms pseudonyms = new PiiPseudonyms(REDACTOR);
    pseudonyms.mask("ann@example.com, +44 20 7946 0958, GB82 WEST 1234 5698 7654 32");
    String reply = "Write to [EMAIL-1] [1]. Call [PHONE-1] or pay [IBAN-1] [2][3]. Not [EMAIL-9]"
        + " nor [Email-1] nor [E; [1, 2] stays.";
    String expected = pseudonyms.restore(reply);
    assertThat(expected).contains("ann@example.com", "+44 20 7946 0958",
        "GB82 WEST 1234 5698 7654 32", "[EMAIL-9]");
    Random random = new Random(SEED);
    for (int round = 0; round < 500; round++) {
      List<String> pieces = new ArrayList<>();
      for (int at = 0; at < reply.length(); ) {
        int end = Math.min(reply.length(), at + 1 + random.nextInt(6));
        pieces.add(reply.substring(at, end));
        at = end;
      }
      StringBuilder shown = new StringBuilder();
      List<String> emitted = new ArrayList<>();
      PiiPseudonyms.Restoring restoring = pseudonyms.restoring(piece -> {
        emitted.add(piece);
        shown.append(piece);
      });
      pieces.forEach(restoring::accept);
      restoring.finish();
      assertThat(shown.toString()).as("pieces %s", pieces).isEqualTo(expected);
      assertThat(emitted).noneMatch(piece -> piece.matches(".*\\[[A-Z]+-\\d+\\].*")
          && !piece.contains("[EMAIL-9]"));
    }
  }

  @Test
  void textThatCannotBecomeAPlaceholderIsNotHeldBack() {
    assertThat(PiiPseudonyms.heldFrom("see [1")).isEqualTo(6);
    assertThat(PiiPseudonyms.heldFrom("see [EMA")).isEqualTo(4);
    assertThat(PiiPseudonyms.heldFrom("see [EMAIL-1")).isEqualTo(4);
    assertThat(PiiPseudonyms.heldFrom("see [")).isEqualTo(4);
    assertThat(PiiPseudonyms.heldFrom("see [EMAIL-1] and")).isEqualTo(17);
    assertThat(PiiPseudonyms.heldFrom("see [Email")).isEqualTo(10);
  }
}
