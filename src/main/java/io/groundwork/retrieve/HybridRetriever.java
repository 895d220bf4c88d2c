package io.groundwork.retrieve;

import io.groundwork.embed.Embedder;
import io.groundwork.index.ChunkIndex;
import io.groundwork.index.IndexedChunk;
import io.groundwork.index.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default {@link Retriever}: BM25 and HNSW vector search, each taking its top candidates
 * among the chunks the filter permits, fused by weighted reciprocal-rank fusion
 * ({@code score = w / (k + rank)} summed over both rankings). Ties are broken by chunk id, so
 * equal inputs give equal rankings. Thread-safe.
 */
public final class HybridRetriever implements Retriever {
  private final ChunkIndex index;
  private final Embedder embedder;
  private final int candidates;
  private final int rrfK;
  private final double textWeight;

  public HybridRetriever(ChunkIndex index, Embedder embedder, int candidates, int rrfK,
      double textWeight) {
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
    }
    if (rrfK < 0) {
      throw new IllegalArgumentException("rrfK must be >= 0, got " + rrfK);
    }
    if (textWeight < 0) {
      throw new IllegalArgumentException("textWeight must be >= 0, got " + textWeight);
    }
    this.index = index;
    this.embedder = embedder;
    this.candidates = candidates;
    this.rrfK = rrfK;
    this.textWeight = textWeight;
  }

  @Override
  public RetrievalResult retrieve(RetrievalRequest request) {
    long t0 = System.nanoTime();
    float[] vector = embedder.embedQuery(request.query());
    long t1 = System.nanoTime();
    int depth = Math.max(candidates, request.topK());
    List<ScoredChunk> text = index.searchText(request.query(), request.filter(), depth);
    List<ScoredChunk> dense = index.searchVector(vector, request.filter(), depth);
    List<RetrievedChunk> fused = fuse(text, dense, request.topK());
    long t2 = System.nanoTime();
    return new RetrievalResult(fused, (t1 - t0) / 1000, (t2 - t1) / 1000);
  }

  List<RetrievedChunk> fuse(List<ScoredChunk> text, List<ScoredChunk> dense, int topK) {
    Map<String, IndexedChunk> chunks = new LinkedHashMap<>();
    Map<String, Double> scores = new HashMap<>();
    Map<String, Integer> textRanks = new HashMap<>();
    Map<String, Integer> vectorRanks = new HashMap<>();
    accumulate(text, textWeight, chunks, scores, textRanks);
    accumulate(dense, 1.0, chunks, scores, vectorRanks);
    List<RetrievedChunk> fused = new ArrayList<>(chunks.size());
    for (Map.Entry<String, IndexedChunk> entry : chunks.entrySet()) {
      String id = entry.getKey();
      fused.add(new RetrievedChunk(entry.getValue(), scores.get(id),
          textRanks.getOrDefault(id, 0), vectorRanks.getOrDefault(id, 0)));
    }
    fused.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed()
        .thenComparing(r -> r.chunk().chunkId()));
    return fused.subList(0, Math.min(topK, fused.size()));
  }

  private void accumulate(List<ScoredChunk> ranking, double weight, Map<String, IndexedChunk> chunks,
      Map<String, Double> scores, Map<String, Integer> ranks) {
    for (int i = 0; i < ranking.size(); i++) {
      IndexedChunk chunk = ranking.get(i).chunk();
      chunks.putIfAbsent(chunk.chunkId(), chunk);
      scores.merge(chunk.chunkId(), weight / (rrfK + i + 1), Double::sum);
      ranks.put(chunk.chunkId(), i + 1);
    }
  }
}
