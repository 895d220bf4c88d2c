package io.groundwork.ingest;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.TokenCountEstimator;

/** Counts whitespace-separated words: a tokenizer with predictable counts for chunker tests. */
final class WhitespaceTokens implements TokenCountEstimator {
  @Override
  public int estimateTokenCountInText(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }

  @Override
  public int estimateTokenCountInMessage(ChatMessage message) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
    throw new UnsupportedOperationException();
  }
}
