package io.groundwork.index;

import static io.groundwork.index.ChunkFields.CONTEXT;
import static io.groundwork.index.ChunkFields.DOC_ID;
import static io.groundwork.index.ChunkFields.GROUPS;
import static io.groundwork.index.ChunkFields.ID;
import static io.groundwork.index.ChunkFields.ID_VALUES;
import static io.groundwork.index.ChunkFields.RECORD;
import static io.groundwork.index.ChunkFields.SOURCE;
import static io.groundwork.index.ChunkFields.TEXT;
import static io.groundwork.index.ChunkFields.VECTOR;

import io.groundwork.text.TermAnalyzer;
import io.groundwork.text.TermWeights;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * {@link ChunkReader} of a {@link LuceneChunkIndex}: BM25 over the chunk text (plus title and
 * headings, boosted by {@code contextBoost}), HNSW over the vectors, the access filter inside
 * both searches. Reads the index's last commit (or, while a writer is open, its last
 * {@link LuceneChunkWriter#commit()}). Also gives BM25 term weights ({@link TermWeights}).
 * Thread-safe.
 */
public final class LuceneChunkReader implements ChunkReader, TermWeights {
  private final LuceneChunkIndex index;
  private final TermAnalyzer analyzer;
  private final float contextBoost;

  LuceneChunkReader(LuceneChunkIndex index, TermAnalyzer analyzer, float contextBoost) {
    if (contextBoost < 0) {
      throw new IllegalArgumentException("contextBoost must be >= 0, got " + contextBoost);
    }
    this.index = index;
    this.analyzer = analyzer;
    this.contextBoost = contextBoost;
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
    BooleanQuery.Builder filtered = new BooleanQuery.Builder()
        .add(match.build(), BooleanClause.Occur.MUST)
        .add(filterQuery(filter), BooleanClause.Occur.FILTER);
    return search(filtered.build(), k);
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
    return index.withSearcher("read", 0, searcher -> searcher.count(query));
  }

  /**
   * BM25's inverse document frequency of {@code term} in the chunk text field:
   * {@code ln(1 + (N - df + 0.5) / (df + 0.5))}. A term no chunk contains gets the highest weight.
   */
  @Override
  public double weight(String term) {
    return index.withSearcher("read", 1.0, searcher -> {
      int n = searcher.getIndexReader().numDocs();
      int df = searcher.getIndexReader().docFreq(new Term(TEXT, term));
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    });
  }

  private List<ScoredChunk> search(Query query, int k) {
    if (k <= 0) {
      return List.of();
    }
    return index.withSearcher("search", List.of(), searcher -> {
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
    });
  }

  @Override
  public List<IndexedChunk> chunks(List<String> chunkIds) {
    if (chunkIds.isEmpty()) {
      return List.of();
    }
    return index.withSearcher("read", List.of(), searcher -> {
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
    });
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
          chunks[i] = ChunkFields.fromDocument(leaf.reader().storedFields().document(doc));
        }
      }
    });
    return chunks;
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
}
