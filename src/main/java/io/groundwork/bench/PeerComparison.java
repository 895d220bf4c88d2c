package io.groundwork.bench;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingModelSpec;
import io.groundwork.eval.EvalIndex;
import io.groundwork.eval.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * LangChain4j's "easy RAG" retrieval as most Java users start with it: every chunk in an
 * {@link InMemoryEmbeddingStore}, queries through {@link EmbeddingStoreContentRetriever} with the
 * same embedding model, loaded as LangChain4j users load it (see {@link #langchain4jModel}) and
 * queried as that retriever does, without the model's query instruction.
 * Chunk hits are aggregated to corpus documents by their best chunk, like Groundwork's. Not
 * thread-safe while building.
 */
public final class PeerComparison {
  private static final String DOCUMENT = "corpus_id";

  private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
  private final EmbeddingStoreContentRetriever retriever;

  /** Fills the store with {@code passages} and their (already computed) {@code vectors}. */
  public PeerComparison(Embedder embedder, List<EvalIndex.Passage> passages,
      List<float[]> vectors) {
    List<Embedding> embeddings = new ArrayList<>(passages.size());
    List<TextSegment> segments = new ArrayList<>(passages.size());
    for (int i = 0; i < passages.size(); i++) {
      embeddings.add(Embedding.from(vectors.get(i)));
      segments.add(TextSegment.from(passages.get(i).embeddedText(),
          Metadata.from(DOCUMENT, passages.get(i).chunk().documentId())));
    }
    store.addAll(embeddings, segments);
    this.retriever = EmbeddingStoreContentRetriever.builder().embeddingStore(store)
        .embeddingModel(langchain4jModel(embedder.spec())).maxResults(Evaluation.DEPTH)
        .minScore(0.0).build();
  }

  /**
   * The embedding model as a LangChain4j user gets it: the bundled model's own class with its
   * defaults (ONNX Runtime's default session, whose inference spreads over all cores).
   */
  static EmbeddingModel langchain4jModel(EmbeddingModelSpec spec) {
    return switch (spec) {
      case BGE_SMALL_EN_V15_Q -> new BgeSmallEnV15QuantizedEmbeddingModel();
      // Other models' classes are on the class path only in builds that ship them (Maven
      // profiles): the same weights in a session on all cores, as their defaults have it.
      default -> spec.load(Runnable::run, Runtime.getRuntime().availableProcessors());
    };
  }

  /** Corpus ids for {@code query}, best first. */
  public List<String> rank(String query) {
    Set<String> ids = new LinkedHashSet<>();
    for (Content content : retriever.retrieve(Query.from(query))) {
      ids.add(content.textSegment().metadata().getString(DOCUMENT));
    }
    return new ArrayList<>(ids);
  }
}
