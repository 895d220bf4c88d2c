package io.groundwork.draft;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link EmbeddingModel} that remembers the vectors of the last {@code capacity} texts it
 * embedded (least recently used first out) and asks the wrapped model only for the others, in
 * one batch. Drafting embeds the same sentences again and again: the sentences of the support
 * macros that most tickets draw on, and within one ticket the passages that several asks
 * retrieve; and the answerer embeds each ask again after all asks were embedded in one batch.
 * A vector depends on its text only, so a remembered one is exactly what the model would return.
 * Thread-safe.
 */
final class CachingEmbeddingModel implements EmbeddingModel {
  private final EmbeddingModel model;
  private final Map<String, Embedding> vectors;

  CachingEmbeddingModel(EmbeddingModel model, int capacity) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.model = model;
    this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    Embedding[] result = new Embedding[segments.size()];
    List<Integer> missing = new ArrayList<>();
    synchronized (vectors) {
      for (int i = 0; i < result.length; i++) {
        result[i] = vectors.get(segments.get(i).text());
        if (result[i] == null) {
          missing.add(i);
        }
      }
    }
    if (!missing.isEmpty()) {
      List<Embedding> computed = model.embedAll(missing.stream().map(segments::get).toList())
          .content();
      synchronized (vectors) {
        for (int k = 0; k < missing.size(); k++) {
          int i = missing.get(k);
          result[i] = computed.get(k);
          vectors.put(segments.get(i).text(), computed.get(k));
        }
      }
    }
    return Response.from(List.of(result));
  }

  @Override
  public int dimension() {
    return model.dimension();
  }
}
