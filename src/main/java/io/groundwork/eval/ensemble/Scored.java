package io.groundwork.eval.ensemble;

import java.util.Comparator;

/**
 * An item (a chunk or a document, by its ordinal) with a score; rankings are lists of these,
 * best first.
 *
 * @param id the item's ordinal in its collection
 * @param score higher is better
 */
public record Scored(int id, double score) {
  /** Best first; equal scores by ascending ordinal, so that rankings are deterministic. */
  public static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::id);
}
