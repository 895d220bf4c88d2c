package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.answer.ExtractiveAnswerer.Candidate;
import io.groundwork.index.IndexedChunk;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.text.SentenceSplitter;
import io.groundwork.text.TextSpan;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the extractive answerer cites along with a chosen sentence so that it reads alone. */
class CompletedSentencesTest {
  private static List<Candidate> candidates(String text) {
    return candidates("d-0", text);
  }

  private static List<Candidate> candidates(String chunkId, String text) {
    RetrievedChunk chunk = new RetrievedChunk(new IndexedChunk(chunkId, "d", "s", "d.md", "Title",
        "", text, 0, text.length(), 0, Set.of("everyone")), 1, 1, 1);
    return new SentenceSplitter().split(text).stream()
        .map(span -> new Candidate(chunk, 0, span, Set.of(), Set.of(), List.of(), true))
        .toList();
  }

  private static List<String> completed(List<Candidate> candidates, String chosen) {
    Candidate candidate = candidates.stream()
        .filter(c -> c.span().text().strip().equals(chosen)).findFirst()
        .orElseThrow(() -> new AssertionError("no sentence '" + chosen + "' in "
            + candidates.stream().map(Candidate::span).map(TextSpan::text).toList()));
    return ExtractiveAnswerer.completed(List.of(candidate), candidates).stream()
        .map(c -> c.span().text().strip()).toList();
  }

  @Test
  void aLeadInIsCitedWithTheLinesItIntroducesUpToTheNextLeadIn() {
    List<Candidate> candidates = candidates("""
        Three courses must be completed within your first 30 days:
        - Security Awareness Essentials.
        - Data Protection Basics.
        Then book these meetings:
        - A welcome call with HR.
        """);
    assertThat(completed(candidates, "Three courses must be completed within your first 30 days:"))
        .containsExactlyInAnyOrder("Three courses must be completed within your first 30 days:",
            "- Security Awareness Essentials.", "- Data Protection Basics.");
  }

  @Test
  void aLeadInEndsWhereTheListItIntroducesEnds() {
    List<Candidate> candidates = candidates("""
        Nightly hotel rate limits, including breakfast and taxes:
        Lisbon and Porto: EUR 160
        Other European cities: EUR 190
        Employees travelling between offices may stay in the company apartment.
        """);
    assertThat(completed(candidates, "Nightly hotel rate limits, including breakfast and taxes:"))
        .containsExactly("Nightly hotel rate limits, including breakfast and taxes:",
            "Lisbon and Porto: EUR 160", "Other European cities: EUR 190");
    // The line right after a lead-in is what it introduces, whatever its form.
    List<Candidate> prose = candidates("""
        Requests are handled as follows:
        The manager approves them within 5 working days.
        Payroll is told at month end.
        """);
    assertThat(completed(prose, "Requests are handled as follows:"))
        .containsExactly("Requests are handled as follows:",
            "The manager approves them within 5 working days.");
  }

  @Test
  void aTableRowIsCitedWithItsHeaderRow() {
    String text = "Who may sign what\nType of contract | Up to GBP 50,000 | Above GBP 50,000\n"
        + "Customer contracts | Head of Sales | CEO\nSupplier contracts | Finance Director | CFO\n";
    List<Candidate> all = candidates(text);
    Candidate header = all.stream().filter(c -> c.span().text().startsWith("Type")).findFirst()
        .orElseThrow();
    Candidate supplier = all.stream().filter(c -> c.span().text().startsWith("Supplier"))
        .findFirst().orElseThrow();
    List<Candidate> rows = all.stream().filter(c -> c != header).toList();
    assertThat(ExtractiveAnswerer.completed(List.of(supplier), rows, List.of(header)))
        .extracting(c -> c.span().text().strip())
        .containsExactlyInAnyOrder("Supplier contracts | Finance Director | CFO",
            "Type of contract | Up to GBP 50,000 | Above GBP 50,000");
  }

  @Test
  void aListItemIsCitedWholeButNotWithTheNextItem() {
    List<Candidate> candidates = candidates("""
        - "Login denied": you chose the wrong group. Pick LARK-STAFF.
        - No prompt arrives: open Authenticator manually.
        """);
    assertThat(completed(candidates, "- \"Login denied\": you chose the wrong group."))
        .containsExactlyInAnyOrder("- \"Login denied\": you chose the wrong group.",
            "Pick LARK-STAFF.");
  }

  @Test
  void theRestOfAListItemIsFoundWhenAnOverlappingChunkHoldsIt() {
    String text = "- \"Login denied\": you chose the wrong group. Pick LARK-STAFF.\n";
    // Each sentence is a candidate once: the second from the first chunk, the first from another.
    List<Candidate> first = candidates("d-0", text);
    List<Candidate> second = candidates("d-1", text);
    Candidate chosen = second.getFirst();
    List<Candidate> candidates = List.of(first.get(1), chosen);
    assertThat(ExtractiveAnswerer.completed(List.of(chosen), candidates))
        .extracting(c -> c.span().text().strip())
        .containsExactlyInAnyOrder("- \"Login denied\": you chose the wrong group.",
            "Pick LARK-STAFF.");
  }

  @Test
  void aSentencePointingBackIsCitedWithTheOneBeforeItInItsParagraphOnly() {
    List<Candidate> candidates = candidates("""
        After five years of service you receive one extra day. These days are added in January.

        Carry-over is capped. This cap is five days.
        """);
    assertThat(completed(candidates, "These days are added in January."))
        .containsExactlyInAnyOrder("These days are added in January.",
            "After five years of service you receive one extra day.");
    assertThat(completed(candidates, "Carry-over is capped."))
        .containsExactly("Carry-over is capped.");
    assertThat(completed(candidates, "This cap is five days."))
        .containsExactlyInAnyOrder("This cap is five days.", "Carry-over is capped.");
  }

  @Test
  void aSentenceUnderAHeadingThatStatesAValueIsCitedWithIt() {
    String text = "Flow 4.4 (8 July 2025)\nNew destination: ClickHouse Cloud.\nTemplates.";
    RetrievedChunk chunk = new RetrievedChunk(new IndexedChunk("r-0", "r", "s", "r.html",
        "Release notes", "Release notes > Flow 4.4 (8 July 2025)", text, 0, text.length(), 0,
        Set.of("everyone")), 1, 1, 1);
    List<Candidate> all = new SentenceSplitter().split(text).stream()
        .map(span -> new Candidate(chunk, 0, span, Set.of(), Set.of(), List.of(), true)).toList();
    Candidate heading = all.getFirst();
    List<Candidate> sentences = all.subList(1, all.size());
    assertThat(ExtractiveAnswerer.completed(List.of(sentences.getFirst()), sentences,
        List.of(heading))).extracting(c -> c.span().text())
        .containsExactlyInAnyOrder("Flow 4.4 (8 July 2025)", "New destination: ClickHouse Cloud.");
    assertThat(ExtractiveAnswerer.completed(List.of(sentences.getFirst()), sentences))
        .extracting(c -> c.span().text()).containsExactly("New destination: ClickHouse Cloud.");
  }
}
