package io.groundwork.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;

/**
 * {@link ChunkWriter} of a {@link LuceneChunkIndex}: embedded mode's index, and the local BM25
 * index that a PostgreSQL-mode replica keeps (its vectors are null). The first write takes the
 * index's write lock ({@link LuceneChunkIndex#openForWriting()}). A replaced document is one
 * atomic Lucene update; changes become visible to the index's reader on {@link #commit()}.
 * Thread-safe.
 */
public final class LuceneChunkWriter implements ChunkWriter {
  private final LuceneChunkIndex index;
  private int commitEvery = Integer.MAX_VALUE;
  private int sinceCommit;

  LuceneChunkWriter(LuceneChunkIndex index) {
    this.index = index;
  }

  /**
   * Takes the write lock; commits after every {@code commitEvery} replaced documents (after each
   * one when {@code commitEvery} is below 1).
   */
  @Override
  public void begin(int commitEvery) {
    index.openForWriting();
    synchronized (this) {
      this.commitEvery = commitEvery;
      this.sinceCommit = 0;
    }
  }

  @Override
  public boolean holds(String documentId, int chunkCount) {
    return index.reader().chunkCount(documentId) == chunkCount;
  }

  @Override
  public void replaceDocument(String documentId, List<IndexedChunk> chunks, List<float[]> vectors) {
    if (chunks.size() != vectors.size()) {
      throw new IllegalArgumentException(
          chunks.size() + " chunks but " + vectors.size() + " vectors");
    }
    List<Document> documents = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      IndexedChunk chunk = chunks.get(i);
      if (!chunk.documentId().equals(documentId)) {
        throw new IllegalArgumentException("chunk " + chunk.chunkId() + " belongs to document "
            + chunk.documentId() + ", not " + documentId);
      }
      documents.add(ChunkFields.toDocument(chunk, vectors.get(i)));
    }
    try {
      // One atomic update: readers see the old chunks or the new ones, never a mix.
      index.indexWriter().updateDocuments(new Term(ChunkFields.DOC_ID, documentId), documents);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index document " + documentId, e);
    }
  }

  @Override
  public void deleteDocument(String documentId) {
    try {
      index.indexWriter().deleteDocuments(new Term(ChunkFields.DOC_ID, documentId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete document " + documentId, e);
    }
  }

  /** Commits once {@code commitEvery} documents were replaced since the last commit. */
  @Override
  public synchronized void documentCommitted() {
    if (++sinceCommit >= commitEvery) {
      commit();
    }
  }

  @Override
  public synchronized void commit() {
    index.commit();
    sinceCommit = 0;
  }

  /**
   * Commits like {@link #commit()}, recording {@code userData} in the commit (for example how far
   * a replica has applied the change feed), atomically with the changes it describes.
   */
  public synchronized void commit(Map<String, String> userData) {
    index.commit(userData);
    sinceCommit = 0;
  }

  /** The user data of the last commit ({@link #commit(Map)}); empty when there is none. */
  public Map<String, String> committedUserData() {
    return index.committedUserData();
  }
}
