package io.groundwork.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into the normalised terms that the BM25 index uses (lower-cased, English stop words
 * removed, Porter-stemmed), so that lexical matching in answering agrees with lexical retrieval.
 * Thread-safe: Lucene analyzers reuse per-thread token streams.
 */
public final class TermAnalyzer implements AutoCloseable {
  private final Analyzer analyzer;

  /** Creates the English analyzer used for the {@code text} field of the index. */
  public TermAnalyzer() {
    this(new EnglishAnalyzer());
  }

  public TermAnalyzer(Analyzer analyzer) {
    if (analyzer == null) {
      throw new IllegalArgumentException("analyzer must not be null");
    }
    this.analyzer = analyzer;
  }

  /** The underlying Lucene analyzer. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** Returns the analysed terms of {@code text} in order, with repetitions. */
  public List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse text", e);
    }
    return terms;
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
