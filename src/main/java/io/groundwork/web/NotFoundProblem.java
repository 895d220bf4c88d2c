package io.groundwork.web;

/** The requested thing does not exist, or the caller may not know that it does. */
public class NotFoundProblem extends RuntimeException {
  public NotFoundProblem(String message) {
    super(message);
  }
}
