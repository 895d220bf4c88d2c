package io.groundwork.draft;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A checked-in drafting regression ({@code ingestion/eval/drafting/regression.yaml}): the ticket
 * file, the agent who drafts, the expected figures with a tolerance, and counts that must not
 * exceed a maximum (unsafe citations, answers to unanswerable asks, personal data in asks).
 * Immutable.
 *
 * @param tickets the ticket file, relative to the regression file
 * @param user the agent whose access drafts
 * @param tolerance how far below its expected value a figure may fall
 * @param expected figure name to expected value
 * @param maxCounts count name to the largest allowed value
 */
public record DraftRegression(String tickets, String user, double tolerance,
    Map<String, Double> expected, Map<String, Integer> maxCounts) {
  public DraftRegression {
    expected = expected == null ? Map.of() : Map.copyOf(expected);
    maxCounts = maxCounts == null ? Map.of() : Map.copyOf(maxCounts);
  }

  /** Reads a regression file. */
  public static DraftRegression load(Path file) {
    DraftRegression spec;
    try {
      spec = new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(file.toFile(), DraftRegression.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read regression " + file + ": " + e.getMessage(),
          e);
    }
    if (spec == null || spec.tickets() == null || spec.user() == null) {
      throw new IllegalArgumentException(file + " must name tickets and user");
    }
    if (spec.tolerance() < 0 || spec.tolerance() > 1) {
      throw new IllegalArgumentException(file + ": tolerance must be in [0, 1]");
    }
    return spec;
  }

  /** The failures of {@code result} against this regression; empty when it passes. */
  public List<String> failures(DraftEvaluation.Result result) {
    List<String> failures = new ArrayList<>();
    expected.forEach((name, value) -> {
      Double actual = result.figures().get(name);
      if (actual == null) {
        failures.add("unknown figure " + name);
      } else if (actual < value - tolerance - 1e-9) {
        failures.add(String.format(java.util.Locale.ROOT,
            "%s %.3f is below the expected %.3f - tolerance %.3f", name, actual, value, tolerance));
      }
    });
    maxCounts.forEach((name, max) -> {
      Integer actual = result.counts().get(name);
      if (actual == null) {
        failures.add("unknown count " + name);
      } else if (actual > max) {
        failures.add(name + " " + actual + " exceeds " + max);
      }
    });
    return failures;
  }
}
