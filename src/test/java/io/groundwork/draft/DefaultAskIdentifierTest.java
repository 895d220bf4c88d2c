package io.groundwork.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultAskIdentifierTest {
  private final DefaultAskIdentifier identifier = new DefaultAskIdentifier();

  private List<String> asks(String subject, String body) {
    return identifier.identify(new Ticket(subject, body, null, null, null)).stream()
        .map(Ask::text).toList();
  }

  @Test
  void questionsRequestsAndProblemsAreAsksGreetingsAndSignaturesAreNot() {
    assertThat(asks("Questions", """
        Hi team,
        Thanks for the quick help last time.
        1. How long is the reset link valid?
        2) please send us an export of our audit logs
        - I cannot sign in since this morning.
        Kind regards,
        Tom
        """)).containsExactly("How long is the reset link valid?",
        "please send us an export of our audit logs", "I cannot sign in since this morning.");
  }

  @Test
  void repeatedAsksAreKeptOnceAndTheSubjectStandsInWhenTheBodyAsksNothing() {
    assertThat(asks("", "How long does the lock last? How long does the lock last?"))
        .containsExactly("How long does the lock last?");
    assertThat(asks("Refund for the annual renewal", "Hello. Thanks, Tom")).containsExactly(
        "Refund for the annual renewal");
    assertThat(asks("", "Hello. Thanks, Tom")).isEmpty();
  }

  @Test
  void aShortAskIsSearchedWithTheSubject() {
    Ask ask = identifier.identify(new Ticket("Refund for the renewal", "Is it possible?",
        null, null, null)).getFirst();
    assertThat(ask.text()).isEqualTo("Is it possible?");
    assertThat(ask.query()).isEqualTo("Is it possible? (Refund for the renewal)");
  }

  @Test
  void personalDataIsMasked() {
    assertThat(asks("", "Can you refund card 4111 1111 1111 1111 for lee.chan@example.net?"))
        .containsExactly("Can you refund card [number] for [email]?");
    assertThat(PersonalData.mask("call +44 7700 900123 or IBAN GB29 NWBK 6016 1331 9268 19"))
        .isEqualTo("call [number] or IBAN [number]");
    assertThat(PersonalData.mask("Flow 4.4 ships 184 connectors on 8 July 2025"))
        .isEqualTo("Flow 4.4 ships 184 connectors on 8 July 2025");
  }

  @Test
  void ticketsAreValidated() {
    assertThatThrownBy(() -> new Ticket("s", " ", null, null, null))
        .hasMessage("body must not be blank");
    assertThatThrownBy(() -> new Ticket("x".repeat(301), "b", null, null, null))
        .hasMessage("subject must be at most 300 characters");
    assertThatThrownBy(() -> Ticket.Tone.parse("loud"))
        .hasMessage("tone must be 'friendly' or 'formal', got 'loud'");
  }
}
