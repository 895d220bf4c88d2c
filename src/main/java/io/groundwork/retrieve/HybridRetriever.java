package io.groundwork.retrieve;

import io.groundwork.embed.Embedder;
import io.groundwork.index.ChunkReader;
import io.groundwork.index.IndexedChunk;
import io.groundwork.index.ScoredChunk;
import io.groundwork.retrieve.RetrievalSettings.Fusion;
import io.groundwork.retrieve.RetrievalSettings.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The default {@link Retriever}: BM25 and HNSW vector search, each taking its top candidates
 * among the chunks the filter permits, fused by weighted reciprocal-rank fusion
 * ({@code score = w / (k + rank)} summed over both rankings) or by a weighted sum of min-max
 * normalised scores; or either search alone ({@link RetrievalSettings}). Ties are broken by
 * chunk id, so equal inputs give equal rankings. Thread-safe.
 */
public final class HybridRetriever implements Retriever {
  private final ChunkReader index;
  private final Embedder embedder;
  private final RetrievalSettings settings;
  private final Executor textSearches;

  /** Hybrid retrieval fused by RRF, the vector ranking weighing 1. */
  public HybridRetriever(ChunkReader index, Embedder embedder, int candidates, int rrfK,
      double textWeight) {
    this(index, embedder, new RetrievalSettings(Mode.HYBRID, Fusion.RRF, candidates, rrfK,
        textWeight, 1.0));
  }

  public HybridRetriever(ChunkReader index, Embedder embedder, RetrievalSettings settings) {
    this(index, embedder, settings, null);
  }

  /**
   * @param textSearches runs the BM25 search of a hybrid retrieval while the calling thread
   *     searches the vectors (null: one after the other on the calling thread)
   */
  public HybridRetriever(ChunkReader index, Embedder embedder, RetrievalSettings settings,
      Executor textSearches) {
    if (settings == null) {
      throw new IllegalArgumentException("settings must not be null");
    }
    this.index = index;
    this.embedder = embedder;
    this.settings = settings;
    this.textSearches = textSearches;
  }

  public RetrievalSettings settings() {
    return settings;
  }

  @Override
  public RetrievalResult retrieve(RetrievalRequest request) {
    long t0 = System.nanoTime();
    int depth = Math.max(settings.candidates(), request.topK());
    float[] vector = settings.mode() == Mode.BM25 ? null
        : request.queryVector() != null ? request.queryVector()
        : embedder.embedQuery(request.query());
    long t1 = System.nanoTime();
    // BM25 runs on another thread while this one searches the vectors. Not while the query is
    // embedded: that inference already spreads over the cores, and a search competing with it
    // for them delays both (measured with bench: p95 94 ms then, 67 ms this way, on a loaded
    // machine).
    CompletableFuture<List<ScoredChunk>> pendingText =
        settings.mode() == Mode.HYBRID && textSearches != null
            ? CompletableFuture.supplyAsync(
                () -> index.searchText(request.lexicalQuery(), request.filter(), depth),
                textSearches)
            : null;
    List<ScoredChunk> dense = vector == null
        ? List.of() : index.searchVector(vector, request.filter(), depth);
    List<ScoredChunk> text;
    if (settings.mode() == Mode.DENSE) {
      text = List.of();
    } else if (pendingText != null) {
      text = pendingText.join();
    } else {
      text = index.searchText(request.lexicalQuery(), request.filter(), depth);
    }
    List<Fused> fused = fuse(text, dense, request.topK(), depth);
    // Only the chunks kept are read from the store, not every candidate of both searches.
    Map<String, IndexedChunk> chunks = new HashMap<>();
    for (IndexedChunk chunk : index.chunks(fused.stream().map(Fused::chunkId).toList())) {
      chunks.put(chunk.chunkId(), chunk);
    }
    List<RetrievedChunk> retrieved = new ArrayList<>(fused.size());
    for (Fused f : fused) {
      IndexedChunk chunk = chunks.get(f.chunkId());
      if (chunk != null) { // null: replaced or deleted since the search
        retrieved.add(new RetrievedChunk(chunk, f.score(), f.textRank(), f.vectorRank()));
      }
    }
    long t2 = System.nanoTime();
    return new RetrievalResult(retrieved, (t1 - t0) / 1000, (t2 - t1) / 1000);
  }

  /** A chunk id in the fused ranking, before its chunk is read from the store. */
  record Fused(String chunkId, double score, int textRank, int vectorRank) {}

  /**
   * The best {@code topK} of both rankings fused; ties by chunk id. {@code depth} is how many
   * candidates each search was asked for: a ranking shorter than that holds every chunk the
   * search matched, so its weighted normalisation starts from 0 (no match) rather than from its
   * last hit, which would otherwise count for nothing although it matched (the third of three
   * chunks that mention "CDC").
   */
  List<Fused> fuse(List<ScoredChunk> text, List<ScoredChunk> dense, int topK, int depth) {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Integer> textRanks = new HashMap<>();
    Map<String, Integer> vectorRanks = new HashMap<>();
    accumulate(text, settings.textWeight(), depth, scores, textRanks);
    accumulate(dense, settings.vectorWeight(), depth, scores, vectorRanks);
    List<Fused> fused = new ArrayList<>(scores.size());
    for (Map.Entry<String, Double> entry : scores.entrySet()) {
      String id = entry.getKey();
      fused.add(new Fused(id, entry.getValue(), textRanks.getOrDefault(id, 0),
          vectorRanks.getOrDefault(id, 0)));
    }
    fused.sort(Comparator.comparingDouble(Fused::score).reversed()
        .thenComparing(Fused::chunkId));
    return fused.subList(0, Math.min(topK, fused.size()));
  }

  private void accumulate(List<ScoredChunk> ranking, double weight, int depth,
      Map<String, Double> scores, Map<String, Integer> ranks) {
    double max = ranking.stream().mapToDouble(ScoredChunk::score).max().orElse(0);
    double last = ranking.stream().mapToDouble(ScoredChunk::score).min().orElse(0);
    // Both searches score a non-matching chunk 0 or more (BM25, Lucene's vector similarity).
    double min = ranking.size() < depth ? Math.min(0, last) : last;
    for (int i = 0; i < ranking.size(); i++) {
      ScoredChunk scored = ranking.get(i);
      double contribution = switch (settings.fusion()) {
        case RRF -> weight / (settings.rrfK() + i + 1);
        // A single candidate (or all equal) normalises to 1: it is that search's best.
        case WEIGHTED -> weight * (max > min ? (scored.score() - min) / (max - min) : 1.0);
      };
      scores.merge(scored.chunkId(), contribution, Double::sum);
      ranks.put(scored.chunkId(), i + 1);
    }
  }
}
