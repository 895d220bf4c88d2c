package io.groundwork.draft;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a person says about a draft or an answer. */
public enum FeedbackRating {
  HELPFUL("helpful"),
  WRONG_SOURCE("wrong-source"),
  MISSING_INFORMATION("missing-information"),
  OUTDATED("outdated");

  private final String value;

  FeedbackRating(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** Whether this rating says the cited documents need attention (content gaps). */
  public boolean flagsDocuments() {
    return this == WRONG_SOURCE || this == OUTDATED;
  }

  /** The rating called {@code name}; a clear error naming the known ones otherwise. */
  public static FeedbackRating parse(String name) {
    for (FeedbackRating rating : values()) {
      if (rating.value.equals(name)) {
        return rating;
      }
    }
    throw new IllegalArgumentException("rating must be one of "
        + Arrays.stream(values()).map(r -> r.value).collect(Collectors.joining(", "))
        + ", got " + (name == null ? "nothing" : "'" + name + "'"));
  }
}
