package io.groundwork.retrieve;

import java.util.List;

/**
 * The chunks a retrieval found, best first, and how long its stages took.
 *
 * @param chunks fused ranking, best first, at most top-k
 * @param embedMicros time to embed the query
 * @param searchMicros time of both searches and the fusion
 */
public record RetrievalResult(List<RetrievedChunk> chunks, long embedMicros, long searchMicros) {
  public RetrievalResult {
    chunks = List.copyOf(chunks);
  }
}
