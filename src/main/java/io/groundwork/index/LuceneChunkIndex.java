package io.groundwork.index;

import io.groundwork.text.TermAnalyzer;
import io.groundwork.text.TermWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOFunction;

/**
 * A chunk index in one Lucene directory on local disk: owns the directory, its
 * {@link IndexWriter} and the {@link SearcherManager} that its {@link #reader()} and
 * {@link #writer()} share, so that a commit through the writer is visible to the reader at once.
 * The index itself reads like its reader (and gives BM25 term weights), so that one object can
 * be built, searched and closed (the evaluation index).
 *
 * <p>Searching needs no lock: until {@link #openForWriting()} is called the index is read from
 * its last commit, so a CLI can search while a server owns the index. Writing takes Lucene's
 * write lock; a second writer gets an {@link IndexLockedException} that says who to ask instead.
 * Thread-safe; closing closes the reader and the writer too.
 */
public final class LuceneChunkIndex implements ChunkReader, TermWeights, AutoCloseable {
  private final Path path;
  private final TermAnalyzer analyzer;
  private final LuceneChunkReader reader;
  private final LuceneChunkWriter writer;
  private final Directory directory;
  private IndexWriter indexWriter;
  private SearcherManager searchers;

  /**
   * Opens (without creating) the index at {@code path}.
   *
   * @param contextBoost weight of matches in the title and headings relative to the body text
   */
  public LuceneChunkIndex(Path path, TermAnalyzer analyzer, float contextBoost) {
    this.path = path;
    this.analyzer = analyzer;
    this.reader = new LuceneChunkReader(this, analyzer, contextBoost);
    this.writer = new LuceneChunkWriter(this);
    try {
      this.directory = FSDirectory.open(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index directory " + path, e);
    }
  }

  /** The read side: searches, chunks by id, counts and term weights. */
  public LuceneChunkReader reader() {
    return reader;
  }

  /** The write side: replaces and deletes documents, commits. */
  public LuceneChunkWriter writer() {
    return writer;
  }

  /**
   * Takes the index's write lock, creating the index if needed. Idempotent.
   *
   * @throws IndexLockedException when another process holds the lock
   */
  public synchronized void openForWriting() {
    if (indexWriter != null) {
      return;
    }
    try {
      IndexWriterConfig config = new IndexWriterConfig(analyzer.analyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      indexWriter = new IndexWriter(directory, config);
      indexWriter.commit();
      SearcherManager previous = searchers;
      searchers = new SearcherManager(indexWriter, null);
      if (previous != null) {
        previous.close();
      }
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException("the index in " + path + " is being written by another"
          + " Groundwork process (a running server or an ingestion); use that server's API or"
          + " stop it first", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index " + path + " for writing", e);
    }
  }

  /** The Lucene writer, opened for writing first if needed. */
  synchronized IndexWriter indexWriter() {
    openForWriting();
    return indexWriter;
  }

  /** Commits the writer's changes and refreshes the searchers; nothing when never opened. */
  synchronized void commit() {
    if (indexWriter == null) {
      return;
    }
    try {
      indexWriter.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit index " + path, e);
    }
  }

  /** Commits like {@link #commit()}, recording {@code userData} in the commit. */
  synchronized void commit(Map<String, String> userData) {
    openForWriting();
    indexWriter.setLiveCommitData(Map.copyOf(userData).entrySet());
    commit();
  }

  /** The user data of the last commit; empty when there is none. */
  synchronized Map<String, String> committedUserData() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return Map.of();
      }
      return Map.copyOf(SegmentInfos.readLatestCommit(directory).getUserData());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the last commit of index " + path, e);
    }
  }

  /**
   * Runs {@code read} on a current searcher, released afterwards; {@code noIndex} when there is
   * no index yet. An I/O error becomes "cannot {@code action} index PATH".
   */
  <T> T withSearcher(String action, T noIndex, IOFunction<IndexSearcher, T> read) {
    SearcherManager manager = searchers();
    if (manager == null) {
      return noIndex;
    }
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        return read.apply(searcher);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot " + action + " index " + path, e);
    }
  }

  private synchronized SearcherManager searchers() {
    try {
      if (searchers == null) {
        if (!DirectoryReader.indexExists(directory)) {
          return null;
        }
        searchers = new SearcherManager(directory, null);
      } else if (indexWriter == null) {
        searchers.maybeRefresh(); // read-only: pick up commits made by the writing process
      }
      return searchers;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index " + path, e);
    }
  }

  @Override
  public List<ScoredChunk> searchText(String query, SearchFilter filter, int k) {
    return reader.searchText(query, filter, k);
  }

  @Override
  public List<ScoredChunk> searchVector(float[] vector, SearchFilter filter, int k) {
    return reader.searchVector(vector, filter, k);
  }

  @Override
  public List<IndexedChunk> chunks(List<String> chunkIds) {
    return reader.chunks(chunkIds);
  }

  @Override
  public int chunkCount(String documentId) {
    return reader.chunkCount(documentId);
  }

  @Override
  public int chunkCount() {
    return reader.chunkCount();
  }

  @Override
  public double weight(String term) {
    return reader.weight(term);
  }

  @Override
  public synchronized void close() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (indexWriter != null) {
        indexWriter.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + path, e);
    }
  }
}
