package io.groundwork.answer;

/**
 * Answers a question from retrieved chunks. An implementation cites only the chunks it is given
 * and refuses when they do not answer the question.
 */
public interface Answerer {
  Answer answer(AnswerRequest request);
}
