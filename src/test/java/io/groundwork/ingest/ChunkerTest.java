package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static ParsedDocument markdown(String text) {
    PlainTextStructure structure = PlainTextStructure.of(text);
    return new ParsedDocument("T", "text/markdown", structure.text(), structure.headings(), List.of());
  }

  @Test
  void headingsStartNewChunksAndChunksKeepTheirHeadingPath() {
    ParsedDocument doc = markdown("""
        # Travel
        ## Flights
        Book economy for flights under six hours. Business class needs approval.
        ## Hotels
        Hotels are capped at 150 pounds a night.
        """);
    List<Chunk> chunks = new Chunker(new WhitespaceTokens(), 50, 5).chunk(doc);
    // the title has no text of its own, so it opens the first section's chunk
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0).headingPath()).containsExactly("Travel", "Flights");
    assertThat(chunks.get(0).text()).startsWith("Travel\nFlights").contains("Business class");
    assertThat(chunks.get(1).headingPath()).containsExactly("Travel", "Hotels");
    assertThat(chunks.get(1).text()).startsWith("Hotels");
    for (Chunk chunk : chunks) {
      assertThat(doc.text().substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
    }
  }

  @Test
  void respectsTheTokenBudgetWithOverlap() {
    StringBuilder text = new StringBuilder("# Policy\n");
    for (int i = 0; i < 30; i++) {
      text.append("Sentence number ").append(i).append(" has six words. ");
    }
    ParsedDocument doc = markdown(text.toString());
    List<Chunk> chunks = new Chunker(new WhitespaceTokens(), 40, 12).chunk(doc);
    assertThat(chunks).hasSizeGreaterThan(4);
    for (Chunk chunk : chunks) {
      assertThat(chunk.tokenCount()).isLessThanOrEqualTo(40);
    }
    // consecutive chunks of one section overlap by whole sentences
    for (int i = 2; i < chunks.size(); i++) {
      assertThat(chunks.get(i).start()).isLessThan(chunks.get(i - 1).end());
    }
    assertThat(chunks.getLast().end()).isEqualTo(doc.text().length());
  }

  @Test
  void cutsASentenceLongerThanTheBudgetAtWords() {
    ParsedDocument doc = markdown("word ".repeat(100).strip() + ".");
    List<Chunk> chunks = new Chunker(new WhitespaceTokens(), 30, 0).chunk(doc);
    assertThat(chunks).hasSize(4);
    assertThat(chunks).allSatisfy(c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(30));
  }

  @Test
  void rejectsInvalidBudgets() {
    assertThatThrownBy(() -> new Chunker(new WhitespaceTokens(), 8, 0))
        .hasMessage("maxTokens must be >= 16, got 8");
    assertThatThrownBy(() -> new Chunker(new WhitespaceTokens(), 100, 50))
        .hasMessage("overlapTokens must be >= 0 and < maxTokens / 2, got 50");
  }
}
