package io.groundwork.eval.ensemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a ranking of chunks into a ranking of documents: a document scores the sum of its best
 * {@code n} chunk scores among the ranked chunks ({@code n = 1}: its best chunk, "max").
 * Immutable and thread-safe.
 *
 * @param topN chunks of a document that count, >= 1
 */
public record ChunkAggregation(int topN) {
  /** A document scores its best chunk. */
  public static final ChunkAggregation MAX = new ChunkAggregation(1);

  public ChunkAggregation {
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be >= 1, got " + topN);
    }
  }

  /**
   * The documents of {@code chunks}, best first (ties by document ordinal).
   *
   * @param chunks a chunk ranking, best first
   * @param documentOfChunk the document ordinal of each chunk ordinal
   */
  public List<Scored> documents(List<Scored> chunks, int[] documentOfChunk) {
    Map<Integer, double[]> perDocument = new HashMap<>(); // [sum, chunks counted]
    for (Scored chunk : chunks) {
      double[] sum = perDocument.computeIfAbsent(documentOfChunk[chunk.id()], d -> new double[2]);
      // Chunks come best first, so the first n of a document are its best n.
      if (sum[1] < topN) {
        sum[0] += chunk.score();
        sum[1]++;
      }
    }
    List<Scored> documents = new ArrayList<>(perDocument.size());
    perDocument.forEach((document, sum) -> documents.add(new Scored(document, sum[0])));
    documents.sort(Scored.BEST_FIRST);
    return documents;
  }

  @Override
  public String toString() {
    return topN == 1 ? "max" : "sum-top-" + topN;
  }
}
