package io.groundwork.ingest;

import dev.langchain4j.model.TokenCountEstimator;
import io.groundwork.text.SentenceSplitter;
import io.groundwork.text.TextSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a parsed document into chunks by structure, then by sentences within a token budget.
 *
 * <p>A chunk never spans two sections (a heading always starts a new chunk), holds whole
 * sentences up to {@code maxTokens} tokens as the embedding model's own tokenizer counts them, and
 * repeats up to {@code overlapTokens} tokens of trailing sentences of the previous chunk of the
 * same section. A single sentence longer than the budget is cut at word boundaries. Chunks are
 * contiguous spans of the document text, so every chunk keeps exact character offsets.
 * Thread-safe if the token counter is.
 */
public final class Chunker {
  private final TokenCountEstimator tokens;
  private final SentenceSplitter splitter;
  private final int maxTokens;
  private final int overlapTokens;

  public Chunker(TokenCountEstimator tokens, int maxTokens, int overlapTokens) {
    if (tokens == null) {
      throw new IllegalArgumentException("token counter must not be null");
    }
    if (maxTokens < 16) {
      throw new IllegalArgumentException("maxTokens must be >= 16, got " + maxTokens);
    }
    if (overlapTokens < 0 || overlapTokens >= maxTokens / 2) {
      throw new IllegalArgumentException(
          "overlapTokens must be >= 0 and < maxTokens / 2, got " + overlapTokens);
    }
    this.tokens = tokens;
    this.splitter = new SentenceSplitter();
    this.maxTokens = maxTokens;
    this.overlapTokens = overlapTokens;
  }

  public int maxTokens() {
    return maxTokens;
  }

  public int overlapTokens() {
    return overlapTokens;
  }

  /** Returns the chunks of {@code document}, in order. */
  public List<Chunk> chunk(ParsedDocument document) {
    String text = document.text();
    List<Piece> pieces = pieces(text);
    List<Integer> sectionStarts = document.headings().stream().map(Heading::start).toList();
    Set<Integer> headingStarts = Set.copyOf(sectionStarts);
    List<Chunk> chunks = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    int currentTokens = 0;
    int section = sectionOf(sectionStarts, pieces.isEmpty() ? 0 : pieces.getFirst().span.start());
    for (Piece piece : pieces) {
      int pieceSection = sectionOf(sectionStarts, piece.span.start());
      if (pieceSection != section) {
        section = pieceSection;
        // Headings with no text of their own (a title right above a sub-heading) join the next
        // section's chunk instead of becoming a chunk that says nothing.
        boolean onlyHeadings = current.stream().allMatch(p -> headingStarts.contains(p.span.start()));
        if (!onlyHeadings || currentTokens + piece.tokens > maxTokens) {
          emit(document, current, chunks);
          current.clear();
          currentTokens = 0;
        }
      } else if (!current.isEmpty() && currentTokens + piece.tokens > maxTokens) {
        emit(document, current, chunks);
        List<Piece> overlap = overlapOf(current, maxTokens - piece.tokens);
        current.clear();
        current.addAll(overlap);
        currentTokens = overlap.stream().mapToInt(p -> p.tokens).sum();
      }
      current.add(piece);
      currentTokens += piece.tokens;
    }
    emit(document, current, chunks);
    return chunks;
  }

  private List<Piece> overlapOf(List<Piece> previous, int room) {
    List<Piece> overlap = new ArrayList<>();
    int sum = 0;
    for (int i = previous.size() - 1; i > 0; i--) {
      Piece piece = previous.get(i);
      if (sum + piece.tokens > Math.min(overlapTokens, room)) {
        break;
      }
      overlap.addFirst(piece);
      sum += piece.tokens;
    }
    return overlap;
  }

  private static int sectionOf(List<Integer> sectionStarts, int offset) {
    int section = 0;
    for (int i = 0; i < sectionStarts.size() && sectionStarts.get(i) <= offset; i++) {
      section = i + 1;
    }
    return section;
  }

  private void emit(ParsedDocument document, List<Piece> pieces, List<Chunk> out) {
    if (pieces.isEmpty()) {
      return;
    }
    int start = pieces.getFirst().span.start();
    int end = pieces.getLast().span.end();
    String text = document.text().substring(start, end);
    int tokenCount = pieces.stream().mapToInt(p -> p.tokens).sum();
    // The path of the last piece: a chunk that starts with its section's parent headings belongs
    // to the innermost section it reaches.
    out.add(new Chunk(out.size(), start, end, text, document.headingPath(pieces.getLast().span.start()),
        document.pageAt(start), tokenCount));
  }

  /** Sentences, with any sentence over the budget cut at word boundaries. */
  private List<Piece> pieces(String text) {
    List<Piece> pieces = new ArrayList<>();
    for (TextSpan sentence : splitter.split(text)) {
      int count = tokens.estimateTokenCountInText(sentence.text());
      if (count <= maxTokens) {
        pieces.add(new Piece(sentence, count));
      } else {
        cutLongSentence(sentence, pieces);
      }
    }
    return pieces;
  }

  private void cutLongSentence(TextSpan sentence, List<Piece> out) {
    String[] words = sentence.text().split("(?<=\\s)");
    int pieceStart = 0;
    int offset = 0;
    StringBuilder piece = new StringBuilder();
    for (String word : words) {
      if (!piece.isEmpty()
          && tokens.estimateTokenCountInText(piece + word) > maxTokens) {
        addPiece(sentence, pieceStart, offset, out);
        pieceStart = offset;
        piece.setLength(0);
      }
      piece.append(word);
      offset += word.length();
    }
    addPiece(sentence, pieceStart, offset, out);
  }

  private void addPiece(TextSpan sentence, int from, int to, List<Piece> out) {
    String raw = sentence.text().substring(from, to);
    String stripped = raw.strip();
    if (stripped.isEmpty()) {
      return;
    }
    int lead = raw.indexOf(stripped);
    int start = sentence.start() + from + lead;
    TextSpan span = new TextSpan(start, start + stripped.length(), stripped);
    out.add(new Piece(span, tokens.estimateTokenCountInText(stripped)));
  }

  private record Piece(TextSpan span, int tokens) {}
}
