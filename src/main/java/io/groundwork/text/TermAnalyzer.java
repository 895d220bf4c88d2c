package io.groundwork.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
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

  /** Analyzer names accepted by {@link #named(String)}. */
  public static final List<String> NAMES = List.of("english", "english-keep-stopwords", "standard");

  /**
   * The analyzer called {@code name}: {@code english} (lower-case, English stop words removed,
   * Porter stemming; the default), {@code english-keep-stopwords} (the same without removing stop
   * words) or {@code standard} (lower-case only, no stemming, no stop words).
   */
  public static TermAnalyzer named(String name) {
    return switch (name) {
      case "english" -> new TermAnalyzer();
      case "english-keep-stopwords" -> new TermAnalyzer(new EnglishAnalyzer(CharArraySet.EMPTY_SET));
      case "standard" -> new TermAnalyzer(new StandardAnalyzer(CharArraySet.EMPTY_SET));
      default -> throw new IllegalArgumentException("unknown analyzer '" + name + "'; available: "
          + String.join(", ", NAMES));
    };
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
