package io.groundwork.answer;

import io.groundwork.retrieve.RetrievedChunk;
import java.util.List;

/** A question and the chunks retrieved for it, best first. */
public record AnswerRequest(String question, List<RetrievedChunk> chunks) {
  public AnswerRequest {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("question must not be blank");
    }
    chunks = List.copyOf(chunks);
  }
}
