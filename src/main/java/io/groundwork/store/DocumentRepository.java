package io.groundwork.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Documents and their chunk rows in the active store's database. Every method runs in the
 * caller's transaction. Thread-safe.
 */
@ApplicationScoped
public class DocumentRepository {
  private final EntityManager em;

  public DocumentRepository(EntityManager em) {
    this.em = em;
  }

  /** The document with {@code id}, or null. */
  public DocumentEntity find(String id) {
    return em.find(DocumentEntity.class, id);
  }

  /** Every document, by source name and path. */
  public List<DocumentEntity> all() {
    return em.createQuery("from DocumentEntity d order by d.sourceName, d.path",
        DocumentEntity.class).getResultList();
  }

  /** Where a document came from, without its text. */
  public record DocumentLocation(String id, String sourceName, String path) {}

  /** The id, source and path of every document, without loading their texts. */
  public List<DocumentLocation> locations() {
    return em.createQuery("select d.id, d.sourceName, d.path from DocumentEntity d order by d.id",
            Object[].class).getResultList().stream()
        .map(row -> new DocumentLocation((String) row[0], (String) row[1], (String) row[2]))
        .toList();
  }

  /** The documents of source {@code sourceName}. */
  public List<DocumentEntity> ofSource(String sourceName) {
    return em.createQuery("from DocumentEntity d where d.sourceName = :source",
            DocumentEntity.class).setParameter("source", sourceName).getResultList();
  }

  /**
   * Stores {@code document} (inserted, or updated when its id exists) with exactly
   * {@code chunks}: its previous chunk rows are deleted first. The document row is flushed
   * before the chunks are added.
   */
  public void replace(DocumentEntity document, List<ChunkEntity> chunks) {
    replace(document, chunks, null);
  }

  /**
   * Like {@link #replace(DocumentEntity, List)}, and stores {@code original} as the document's
   * file; with {@code original} null, a file stored before is deleted, so that a changed document
   * is never served with an older file.
   */
  public void replace(DocumentEntity document, List<ChunkEntity> chunks,
      DocumentOriginalEntity original) {
    deleteChunks(document.id);
    deleteOriginal(document.id);
    em.merge(document);
    em.flush();
    for (ChunkEntity chunk : chunks) {
      em.persist(chunk);
    }
    if (original != null) {
      original.documentId = document.id;
      em.persist(original);
    }
  }

  /**
   * How many documents of source {@code sourceName} were ingested with another version or
   * embedded with another model than {@code embeddingModel}.
   */
  public long outdated(String sourceName, String ingestVersion, String embeddingModel) {
    return em.createQuery("select count(d) from DocumentEntity d where d.sourceName = :source"
            + " and (d.ingestVersion <> :version or d.embeddingModel <> :model)", Long.class)
        .setParameter("source", sourceName).setParameter("version", ingestVersion)
        .setParameter("model", embeddingModel).getSingleResult();
  }

  /** Whether a file is stored for the document with {@code id}, without loading it. */
  public boolean hasOriginal(String id) {
    return em.createQuery("select count(o) from DocumentOriginalEntity o where o.documentId = :id",
        Long.class).setParameter("id", id).getSingleResult() > 0;
  }

  /** The file of the document with {@code id} as it was ingested, or null. */
  public DocumentOriginalEntity original(String id) {
    return em.find(DocumentOriginalEntity.class, id);
  }

  /** Deletes the document with {@code id}, its chunk rows and its stored file. */
  public void delete(String id) {
    deleteChunks(id);
    deleteOriginal(id);
    em.createQuery("delete from DocumentEntity d where d.id = :id")
        .setParameter("id", id).executeUpdate();
  }

  private void deleteOriginal(String documentId) {
    em.createQuery("delete from DocumentOriginalEntity o where o.documentId = :id")
        .setParameter("id", documentId).executeUpdate();
  }

  private void deleteChunks(String documentId) {
    em.createQuery("delete from ChunkEntity c where c.documentId = :id")
        .setParameter("id", documentId).executeUpdate();
  }
}
