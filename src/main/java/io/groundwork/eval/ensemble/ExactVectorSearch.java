package io.groundwork.eval.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.util.VectorUtil;

/**
 * Brute-force inner-product search over normalised vectors: the exact ranking, so that an
 * evaluation measures the model and not an approximate index. Immutable and thread-safe.
 */
public final class ExactVectorSearch {
  private final float[][] vectors;
  private final int dimension;

  /** @param vectors one vector per item, by ordinal; all of one dimension */
  public ExactVectorSearch(List<float[]> vectors) {
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("vectors must not be empty");
    }
    this.dimension = vectors.get(0).length;
    this.vectors = new float[vectors.size()][];
    for (int i = 0; i < this.vectors.length; i++) {
      float[] vector = vectors.get(i);
      if (vector == null || vector.length != dimension) {
        throw new IllegalArgumentException("vector " + i + " has dimension "
            + (vector == null ? "none" : vector.length) + ", expected " + dimension);
      }
      this.vectors[i] = vector;
    }
  }

  public int size() {
    return vectors.length;
  }

  /** The {@code k} items of highest inner product with {@code query}, best first. */
  public List<Scored> search(float[] query, int k) {
    if (query.length != dimension) {
      throw new IllegalArgumentException("query has dimension " + query.length + ", expected "
          + dimension);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    PriorityQueue<Scored> top = new PriorityQueue<>(k + 1, Scored.BEST_FIRST.reversed());
    for (int i = 0; i < vectors.length; i++) {
      Scored scored = new Scored(i, VectorUtil.dotProduct(query, vectors[i]));
      if (top.size() < k) {
        top.add(scored);
      } else if (Scored.BEST_FIRST.compare(scored, top.peek()) < 0) {
        top.poll();
        top.add(scored);
      }
    }
    List<Scored> ranking = new ArrayList<>(top);
    ranking.sort(Scored.BEST_FIRST);
    return ranking;
  }
}
