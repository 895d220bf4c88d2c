package io.groundwork.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The detectors on a hand-labelled fixture (src/test/resources/pii/fixture.jsonl: 36 sentences
 * with e-mails, phone numbers, IBANs, cards, NI and SSN numbers, an employee id from a configured
 * pattern, and look-alikes that must stay: failed checksums, never-issued prefixes, dates,
 * versions, ISBN, IP addresses). Precision and recall per kind are checked against the figures
 * in docs/audit.md; a detector change that moves them fails here.
 */
class PiiFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PiiRedactor redactor() {
    return PiiRedactors.of(config(List.of("email", "phone", "iban", "card", "uk-nino", "us-ssn"),
        Map.of("employee-id", "EMP-\\d{6}")));
  }

  static PiiConfig config(List<String> detectors, Map<String, String> patterns) {
    return new PiiConfig() {
      @Override
      public List<String> detectors() {
        return detectors;
      }

      @Override
      public Map<String, String> patterns() {
        return patterns;
      }

      @Override
      public boolean audit() {
        return true;
      }

      @Override
      public boolean llm() {
        return true;
      }
    };
  }

  /** tp, fp, fn by kind. */
  static Map<String, int[]> score(PiiRedactor redactor) throws IOException {
    return score(redactor, new ArrayList<>());
  }

  static Map<String, int[]> score(PiiRedactor redactor, List<String> mistakes)
      throws IOException {
    return score(redactor, "fixture.jsonl", mistakes);
  }

  static Map<String, int[]> score(PiiRedactor redactor, String file, List<String> mistakes)
      throws IOException {
    Map<String, int[]> byKind = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/pii", file))) {
      JsonNode item = JSON.readTree(line);
      String text = item.get("text").asText();
      List<String> expected = new ArrayList<>();
      item.get("pii").forEach(p -> expected.add(p.get(0).asText() + "|" + p.get(1).asText()));
      for (PiiDetector.Span span : redactor.find(text)) {
        String found = span.kind() + "|" + text.substring(span.start(), span.end());
        int[] counts = byKind.computeIfAbsent(span.kind(), k -> new int[3]);
        if (expected.remove(found)) {
          counts[0]++;
        } else {
          counts[1]++;
          mistakes.add("false positive " + found);
        }
      }
      for (String missed : expected) {
        mistakes.add("missed " + missed);
        byKind.computeIfAbsent(missed.substring(0, missed.indexOf('|')), k -> new int[3])[2]++;
      }
    }
    return byKind;
  }

  @Test
  void precisionAndRecallOnTheFixture() throws IOException {
    List<String> mistakes = new ArrayList<>();
    Map<String, int[]> byKind = score(redactor(), mistakes);
    assertThat(mistakes).as("mistakes on the fixture").isEmpty();
    int[] total = new int[3];
    byKind.values().forEach(c -> {
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
    });
    // tp, fp, fn per kind as measured; docs/audit.md lists the same figures.
    assertThat(render(byKind)).isEqualTo("card 5/0/0, email 5/0/0, employee-id 1/0/0,"
        + " iban 3/0/0, phone 7/0/0, uk-nino 2/0/0, us-ssn 2/0/0");
    assertThat(total).containsExactly(25, 0, 0);
  }

  /**
   * A second fixture written after the detectors were tuned on the first, so its figures say
   * how they do on text they were not fitted to.
   */
  @Test
  void figuresOnTheHoldOutFixture() throws IOException {
    List<String> mistakes = new ArrayList<>();
    Map<String, int[]> byKind = score(redactor(), "holdout.jsonl", mistakes);
    assertThat(mistakes).as("mistakes on the hold-out fixture").isEmpty();
    assertThat(render(byKind)).isEqualTo("card 2/0/0, email 2/0/0, iban 2/0/0, phone 6/0/0,"
        + " uk-nino 1/0/0, us-ssn 1/0/0");
  }

  /** "kind tp/fp/fn, ..." by kind. */
  static String render(Map<String, int[]> byKind) {
    return String.join(", ", byKind.entrySet().stream().map(e -> e.getKey() + " "
        + e.getValue()[0] + "/" + e.getValue()[1] + "/" + e.getValue()[2]).toList());
  }

  @Test
  void redactionReplacesWithTheKindAndCountsIt() {
    PiiRedactor.Counts counts = new PiiRedactor.Counts();
    String redacted = redactor().redact("Mail jane@example.com or card 4111 1111 1111 1111,"
        + " jane@example.com again.", counts);
    assertThat(redacted).isEqualTo("Mail [EMAIL] or card [CARD], [EMAIL] again.");
    assertThat(counts.byKind()).isEqualTo(Map.of("email", 2, "card", 1));
    assertThat(counts.total()).isEqualTo(3);
    assertThat(PiiRedactor.none().redact("jane@example.com", counts)).isEqualTo(
        "jane@example.com");
  }

  @Test
  void checksumsDecide() {
    assertThat(Detectors.luhnValid("4111 1111 1111 1111")).isTrue();
    assertThat(Detectors.luhnValid("4111 1111 1111 1112")).isFalse();
    assertThat(Detectors.ibanValid("GB82 WEST 1234 5698 7654 32")).isTrue();
    assertThat(Detectors.ibanValid("GB82 WEST 1234 5698 7654 33")).isFalse();
  }

  @Test
  void badConfigurationIsRefusedWithItsName() {
    assertThatThrownBy(() -> PiiRedactors.of(config(List.of("email", "passport"), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groundwork.pii.detectors: unknown detector 'passport'; known: email, iban,"
            + " card, uk-nino, us-ssn, phone, or none");
    assertThatThrownBy(() -> PiiRedactors.of(config(List.of("none"), Map.of("x", "(["))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("groundwork.pii.patterns.x is not a valid regular expression");
    assertThat(PiiRedactors.of(config(List.of("none"), Map.of())).enabled()).isFalse();
  }
}
