package io.groundwork.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings of single words, computed by an {@link Embedder} (as passages, so that both words of
 * a pair are embedded alike) and kept in a bounded cache: a knowledge base's vocabulary is small,
 * so after a few questions nearly every word a passage holds is already known. The least recently
 * used words leave the cache first once it holds {@code capacity} words.
 *
 * <p>Thread-safe: lookups and insertions hold the cache's lock, the embedding of missing words
 * does not (two threads may embed the same word at once; both get the same vector).
 */
public final class WordVectors {
  private final Embedder embedder;
  private final int capacity;
  private final Map<String, float[]> cache;

  /**
   * @param embedder embeds the words
   * @param capacity most words kept; at least 1
   */
  public WordVectors(Embedder embedder, int capacity) {
    if (embedder == null) {
      throw new IllegalArgumentException("embedder must not be null");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.embedder = embedder;
    this.capacity = capacity;
    this.cache = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > WordVectors.this.capacity;
      }
    };
  }

  /**
   * The normalised vector of each of {@code words}, in the same order; words not yet cached are
   * embedded in one call.
   */
  public List<float[]> vectors(List<String> words) {
    float[][] out = new float[words.size()][];
    List<String> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    synchronized (cache) {
      for (int i = 0; i < out.length; i++) {
        out[i] = cache.get(words.get(i));
        if (out[i] == null) {
          missing.add(words.get(i));
          missingAt.add(i);
        }
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> embedded = embedder.embedPassages(missing);
      synchronized (cache) {
        for (int i = 0; i < missing.size(); i++) {
          cache.put(missing.get(i), embedded.get(i));
          out[missingAt.get(i)] = embedded.get(i);
        }
      }
    }
    return List.of(out);
  }

  /** How many words the cache holds. */
  public int size() {
    synchronized (cache) {
      return cache.size();
    }
  }
}
