package io.groundwork.answer;

/**
 * Answers a question from retrieved chunks. An implementation cites only the chunks it is given
 * and refuses when they do not answer the question.
 */
public interface Answerer {
  Answer answer(AnswerRequest request);

  /**
   * Answers while telling {@code listener} about the text as it is generated. Answerers that do
   * not generate text piece by piece (the extractive one) just return the finished answer.
   */
  default Answer answer(AnswerRequest request, AnswerListener listener) {
    return answer(request);
  }
}
