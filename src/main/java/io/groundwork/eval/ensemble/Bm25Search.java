package io.groundwork.eval.ensemble;

import io.groundwork.text.TermAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over chunks in memory, queried as the server's index queries (each distinct query term
 * against the chunk text, and against the title with {@code contextBoost}), with the BM25
 * parameters {@code k1} and {@code b} chosen per search: Lucene applies them when scoring, so one
 * index serves every pair. Thread-safe once built; close when done.
 */
public final class Bm25Search implements AutoCloseable {
  private static final String TEXT = "text";
  private static final String CONTEXT = "context";

  private final TermAnalyzer analyzer;
  private final float contextBoost;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;

  /**
   * Indexes {@code texts[i]} with title {@code titles[i]} as item {@code i}.
   *
   * @param contextBoost weight of title matches relative to the text, >= 0
   */
  public Bm25Search(List<String> texts, List<String> titles, TermAnalyzer analyzer,
      float contextBoost) {
    if (texts.size() != titles.size()) {
      throw new IllegalArgumentException(texts.size() + " texts but " + titles.size() + " titles");
    }
    if (contextBoost < 0) {
      throw new IllegalArgumentException("contextBoost must be >= 0, got " + contextBoost);
    }
    this.analyzer = analyzer;
    this.contextBoost = contextBoost;
    try (IndexWriter writer = new IndexWriter(directory,
        new IndexWriterConfig(analyzer.analyzer()))) {
      for (int i = 0; i < texts.size(); i++) {
        Document document = new Document();
        document.add(new TextField(TEXT, texts.get(i), Field.Store.NO));
        document.add(new TextField(CONTEXT, titles.get(i), Field.Store.NO));
        writer.addDocument(document);
      }
      // One segment, added in order: Lucene's document ids are the item ordinals.
      writer.forceMerge(1);
      writer.commit();
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the BM25 index", e);
    }
  }

  /** The {@code k} best items for {@code query} under BM25({@code k1}, {@code b}), best first. */
  public List<Scored> search(String query, float k1, float b, int k) {
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
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity(k1, b));
    try {
      ScoreDoc[] hits = searcher.search(match.build(), k).scoreDocs;
      List<Scored> ranking = new ArrayList<>(hits.length);
      for (ScoreDoc hit : hits) {
        ranking.add(new Scored(hit.doc, hit.score));
      }
      ranking.sort(Scored.BEST_FIRST);
      return ranking;
    } catch (IOException e) {
      throw new UncheckedIOException("BM25 search failed", e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
