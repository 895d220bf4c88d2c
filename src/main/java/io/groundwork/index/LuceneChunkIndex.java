package io.groundwork.index;

import io.groundwork.text.TermAnalyzer;
import io.groundwork.text.TermWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * {@link ChunkIndex} on a Lucene directory on local disk.
 *
 * <p>Searching needs no lock: until {@link #openForWriting()} is called the index is read from
 * its last commit, so a CLI can search while a server owns the index. Writing takes Lucene's
 * write lock; a second writer gets an {@link IndexLockedException} that says who to ask instead.
 * Thread-safe.
 */
public final class LuceneChunkIndex implements ChunkIndex, TermWeights {
  static final String ID = "id";
  /**
   * The chunk id again, as sorted doc values: a search reads its hits' ids from these without
   * decompressing stored fields. Indexes written before this field existed lack it on their
   * chunks; for those the id comes from the stored field.
   */
  static final String ID_VALUES = "id_values";
  /**
   * The whole chunk as a binary doc value ({@link ChunkCodec}), read in place by
   * {@link #chunks}; chunks of older indexes lack it and are read from their stored fields.
   */
  static final String RECORD = "record";
  static final String DOC_ID = "doc_id";
  static final String SOURCE = "source";
  static final String PATH = "path";
  static final String GROUPS = "groups";
  static final String TEXT = "text";
  static final String CONTEXT = "context";
  static final String TITLE = "title";
  static final String HEADING = "heading";
  static final String START = "start";
  static final String END = "end";
  static final String PAGE = "page";
  static final String VECTOR = "vector";

  private final Path path;
  private final Directory directory;
  private final TermAnalyzer analyzer;
  private final float contextBoost;
  private IndexWriter writer;
  private SearcherManager searchers;

  /**
   * Opens (without creating) the index at {@code path}.
   *
   * @param contextBoost weight of matches in the title and headings relative to the body text
   */
  public LuceneChunkIndex(Path path, TermAnalyzer analyzer, float contextBoost) {
    if (contextBoost < 0) {
      throw new IllegalArgumentException("contextBoost must be >= 0, got " + contextBoost);
    }
    this.path = path;
    this.analyzer = analyzer;
    this.contextBoost = contextBoost;
    try {
      this.directory = FSDirectory.open(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index directory " + path, e);
    }
  }

  /**
   * Takes the index's write lock, creating the index if needed. Idempotent.
   *
   * @throws IndexLockedException when another process holds the lock
   */
  public synchronized void openForWriting() {
    if (writer != null) {
      return;
    }
    try {
      IndexWriterConfig config = new IndexWriterConfig(analyzer.analyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      writer = new IndexWriter(directory, config);
      writer.commit();
      SearcherManager previous = searchers;
      searchers = new SearcherManager(writer, null);
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

  private synchronized IndexWriter writer() {
    openForWriting();
    return writer;
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
      documents.add(toDocument(chunk, vectors.get(i)));
    }
    try {
      // One atomic update: readers see the old chunks or the new ones, never a mix.
      writer().updateDocuments(new Term(DOC_ID, documentId), documents);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index document " + documentId, e);
    }
  }

  @Override
  public void deleteDocument(String documentId) {
    try {
      writer().deleteDocuments(new Term(DOC_ID, documentId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete document " + documentId, e);
    }
  }

  @Override
  public synchronized void commit() {
    if (writer == null) {
      return;
    }
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit index " + path, e);
    }
  }

  /**
   * Commits like {@link #commit()}, recording {@code userData} in the commit (for example how far
   * a replica has applied the change feed), atomically with the changes it describes.
   */
  public synchronized void commit(Map<String, String> userData) {
    openForWriting();
    writer.setLiveCommitData(Map.copyOf(userData).entrySet());
    commit();
  }

  /** The user data of the last commit ({@link #commit(Map)}); empty when there is none. */
  public synchronized Map<String, String> committedUserData() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return Map.of();
      }
      return Map.copyOf(SegmentInfos.readLatestCommit(directory).getUserData());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the last commit of index " + path, e);
    }
  }

  @Override
  public List<ScoredChunk> searchText(String query, SearchFilter filter, int k) {
    Set<String> terms = new LinkedHashSet<>(analyzer.terms(query));
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder match = new BooleanQuery.Builder();
    for (String term : terms) {
      match.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
      if (contextBoost > 0) {
        match.add(new BoostQuery(new TermQuery(new Term(CONTEXT, term)), contextBoost),
            BooleanClause.Occur.SHOULD);
      }
    }
    BooleanQuery.Builder query1 = new BooleanQuery.Builder()
        .add(match.build(), BooleanClause.Occur.MUST)
        .add(filterQuery(filter), BooleanClause.Occur.FILTER);
    return search(query1.build(), k);
  }

  @Override
  public List<ScoredChunk> searchVector(float[] vector, SearchFilter filter, int k) {
    // The filter is passed into the HNSW search itself: it explores only permitted chunks.
    return search(new KnnFloatVectorQuery(VECTOR, vector, k, filterQuery(filter)), k);
  }

  @Override
  public int chunkCount(String documentId) {
    return count(new TermQuery(new Term(DOC_ID, documentId)));
  }

  @Override
  public int chunkCount() {
    return count(new MatchAllDocsQuery());
  }

  private int count(Query query) {
    SearcherManager manager = searchers();
    if (manager == null) {
      return 0;
    }
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        return searcher.count(query);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index " + path, e);
    }
  }

  /**
   * BM25's inverse document frequency of {@code term} in the chunk text field:
   * {@code ln(1 + (N - df + 0.5) / (df + 0.5))}. A term no chunk contains gets the highest weight.
   */
  @Override
  public double weight(String term) {
    SearcherManager manager = searchers();
    if (manager == null) {
      return 1;
    }
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        int n = searcher.getIndexReader().numDocs();
        int df = searcher.getIndexReader().docFreq(new Term(TEXT, term));
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index " + path, e);
    }
  }

  private List<ScoredChunk> search(Query query, int k) {
    SearcherManager manager = searchers();
    if (manager == null || k <= 0) {
      return List.of();
    }
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        TopDocs top = searcher.search(query, k);
        String[] ids = chunkIds(searcher, top.scoreDocs);
        List<ScoredChunk> results = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
          results.add(new ScoredChunk(ids[i], top.scoreDocs[i].score));
        }
        // Deterministic order: score, then chunk id.
        results.sort(Comparator.comparing(ScoredChunk::score).reversed()
            .thenComparing(ScoredChunk::chunkId));
        return results;
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search index " + path, e);
    }
  }

  /** The chunk ids of {@code hits}, in the same order. */
  private static String[] chunkIds(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    String[] ids = new String[hits.length];
    int[] docs = new int[hits.length];
    for (int i = 0; i < hits.length; i++) {
      docs[i] = hits[i].doc;
    }
    bySegment(searcher.getIndexReader(), docs, (leaf, positions) -> {
      SortedDocValues values = leaf.reader().getSortedDocValues(ID_VALUES);
      for (int i : positions) {
        int doc = docs[i] - leaf.docBase;
        if (values != null && values.advanceExact(doc)) {
          ids[i] = values.lookupOrd(values.ordValue()).utf8ToString();
        } else { // a chunk indexed before ids were doc values
          ids[i] = leaf.reader().storedFields().document(doc, Set.of(ID)).get(ID);
        }
      }
    });
    return ids;
  }

  /** Receives the positions of the documents of one segment, in increasing doc id order. */
  private interface SegmentVisitor {
    void visit(LeafReaderContext leaf, List<Integer> positions) throws IOException;
  }

  /**
   * Groups {@code docs} (top-level doc ids; negative ones skipped) by segment, in increasing doc
   * id order within each: doc values are read forwards only.
   */
  private static void bySegment(IndexReader reader, int[] docs, SegmentVisitor visitor)
      throws IOException {
    List<Integer> order = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      if (docs[i] >= 0) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingInt(i -> docs[i]));
    List<LeafReaderContext> leaves = reader.leaves();
    int from = 0;
    while (from < order.size()) {
      int leaf = ReaderUtil.subIndex(docs[order.get(from)], leaves);
      int to = from + 1;
      while (to < order.size() && ReaderUtil.subIndex(docs[order.get(to)], leaves) == leaf) {
        to++;
      }
      visitor.visit(leaves.get(leaf), order.subList(from, to));
      from = to;
    }
  }

  @Override
  public List<IndexedChunk> chunks(List<String> chunkIds) {
    SearcherManager manager = searchers();
    if (manager == null || chunkIds.isEmpty()) {
      return List.of();
    }
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        IndexReader reader = searcher.getIndexReader();
        int[] docs = new int[chunkIds.size()];
        for (int i = 0; i < docs.length; i++) {
          docs[i] = liveDoc(reader, new Term(ID, chunkIds.get(i)));
        }
        IndexedChunk[] read = read(searcher, docs);
        List<IndexedChunk> found = new ArrayList<>(read.length);
        for (IndexedChunk chunk : read) {
          if (chunk != null) {
            found.add(chunk);
          }
        }
        return found;
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index " + path, e);
    }
  }

  /** The chunks of {@code docs} (-1: none), in the same order. */
  private static IndexedChunk[] read(IndexSearcher searcher, int[] docs) throws IOException {
    IndexedChunk[] chunks = new IndexedChunk[docs.length];
    bySegment(searcher.getIndexReader(), docs, (leaf, positions) -> {
      BinaryDocValues records = leaf.reader().getBinaryDocValues(RECORD);
      for (int i : positions) {
        int doc = docs[i] - leaf.docBase;
        if (records != null && records.advanceExact(doc)) {
          chunks[i] = ChunkCodec.decode(records.binaryValue());
        } else { // a chunk indexed before chunks were doc values
          chunks[i] = fromDocument(leaf.reader().storedFields().document(doc));
        }
      }
    });
    return chunks;
  }

  /** The live document holding {@code term} (a unique id), or -1. */
  private static int liveDoc(IndexReader reader, Term term) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
      if (postings == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          return leaf.docBase + doc;
        }
      }
    }
    return -1;
  }

  private synchronized SearcherManager searchers() {
    try {
      if (searchers == null) {
        if (!DirectoryReader.indexExists(directory)) {
          return null;
        }
        searchers = new SearcherManager(directory, null);
      } else if (writer == null) {
        searchers.maybeRefresh(); // read-only: pick up commits made by the writing process
      }
      return searchers;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index " + path, e);
    }
  }

  private static Query filterQuery(SearchFilter filter) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    builder.add(new TermInSetQuery(GROUPS, bytes(filter.groups())), BooleanClause.Occur.FILTER);
    if (!filter.sources().isEmpty()) {
      builder.add(new TermInSetQuery(SOURCE, bytes(filter.sources())), BooleanClause.Occur.FILTER);
    }
    if (!filter.documentIds().isEmpty()) {
      builder.add(new TermInSetQuery(DOC_ID, bytes(filter.documentIds())),
          BooleanClause.Occur.FILTER);
    }
    return builder.build();
  }

  private static Collection<BytesRef> bytes(Set<String> values) {
    return values.stream().sorted().map(BytesRef::new).toList();
  }

  private static Document toDocument(IndexedChunk chunk, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(ID, chunk.chunkId(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID_VALUES, new BytesRef(chunk.chunkId())));
    doc.add(new BinaryDocValuesField(RECORD, ChunkCodec.encode(chunk)));
    doc.add(new StringField(DOC_ID, chunk.documentId(), Field.Store.YES));
    doc.add(new StringField(SOURCE, chunk.sourceName(), Field.Store.YES));
    doc.add(new StoredField(PATH, chunk.path()));
    for (String group : chunk.groups()) {
      doc.add(new StringField(GROUPS, group, Field.Store.YES));
    }
    doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
    doc.add(new TextField(CONTEXT, chunk.title() + "\n" + chunk.headingPath(), Field.Store.NO));
    doc.add(new StoredField(TITLE, chunk.title()));
    doc.add(new StoredField(HEADING, chunk.headingPath()));
    doc.add(new StoredField(START, chunk.start()));
    doc.add(new StoredField(END, chunk.end()));
    doc.add(new StoredField(PAGE, chunk.page()));
    // null for a text-only index: BM25 evaluation, or PostgreSQL store mode (vectors live there)
    if (vector != null) {
      doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return doc;
  }

  private static IndexedChunk fromDocument(Document doc) {
    return new IndexedChunk(
        doc.get(ID), doc.get(DOC_ID), doc.get(SOURCE), doc.get(PATH), doc.get(TITLE),
        doc.get(HEADING), doc.get(TEXT),
        doc.getField(START).numericValue().intValue(),
        doc.getField(END).numericValue().intValue(),
        doc.getField(PAGE).numericValue().intValue(),
        Set.copyOf(Arrays.asList(doc.getValues(GROUPS))));
  }

  @Override
  public synchronized void close() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + path, e);
    }
  }
}
