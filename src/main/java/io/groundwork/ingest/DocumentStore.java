package io.groundwork.ingest;

import io.groundwork.index.ChunkWriter;
import io.groundwork.index.IndexedChunk;
import io.groundwork.store.ChunkEntity;
import io.groundwork.store.DocumentEntity;
import io.groundwork.store.DocumentOriginalEntity;
import io.groundwork.store.DocumentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Where ingestion keeps documents: their rows in the database ({@link DocumentRepository}) and
 * their chunks in the index, through the {@link ChunkWriter} of the store mode. Each method runs
 * in a transaction of its own, committed when it returns; a document's rows and its index change
 * are made in the same one. Thread-safe.
 */
@ApplicationScoped
public class DocumentStore {
  private final DocumentRepository documents;
  private final ChunkWriter index;

  public DocumentStore(DocumentRepository documents, ChunkWriter index) {
    this.documents = documents;
    this.index = index;
  }

  /**
   * True when {@code documentId} is stored with {@code contentHash}, {@code groups},
   * {@code ingestVersion} and {@code embeddingModel} and the index holds its chunks: ingesting
   * the file again would change nothing.
   */
  boolean isCurrent(String documentId, String contentHash, Set<String> groups,
      String ingestVersion, String embeddingModel) {
    DocumentEntity existing = QuarkusTransaction.requiringNew()
        .call(() -> documents.find(documentId));
    return existing != null && existing.contentHash.equals(contentHash)
        && existing.groups().equals(groups) && ingestVersion.equals(existing.ingestVersion)
        && embeddingModel.equals(existing.embeddingModel)
        && index.holds(documentId, existing.chunkCount);
  }

  /**
   * Stores {@code document} with its chunk rows and its {@code original} file, and replaces its
   * chunks in the index with {@code indexed} and their {@code vectors} (in the same order).
   */
  void replace(DocumentEntity document, List<ChunkEntity> chunks, DocumentOriginalEntity original,
      List<IndexedChunk> indexed, List<float[]> vectors) {
    QuarkusTransaction.requiringNew().run(() -> {
      documents.replace(document, chunks, original);
      index.replaceDocument(document.id, indexed, vectors);
    });
  }

  /**
   * How many documents of source {@code sourceName} were ingested with another version or
   * embedded with another model.
   */
  long outdated(String sourceName, String ingestVersion, String embeddingModel) {
    return QuarkusTransaction.requiringNew()
        .call(() -> documents.outdated(sourceName, ingestVersion, embeddingModel));
  }

  /** The documents of source {@code sourceName} whose path is not in {@code paths}. */
  List<DocumentEntity> missingFrom(String sourceName, Set<String> paths) {
    List<DocumentEntity> stored = QuarkusTransaction.requiringNew()
        .call(() -> documents.ofSource(sourceName));
    return stored.stream().filter(d -> !paths.contains(d.path)).toList();
  }

  /** Deletes {@code documentId}'s rows and its chunks in the index. */
  void remove(String documentId) {
    QuarkusTransaction.requiringNew().run(() -> {
      documents.delete(documentId);
      index.deleteDocument(documentId);
    });
  }
}
