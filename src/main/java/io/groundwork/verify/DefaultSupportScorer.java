package io.groundwork.verify;

import io.groundwork.embed.Embedder;
import io.groundwork.evidence.Evidence;
import io.groundwork.evidence.EvidenceScorer;
import io.groundwork.evidence.WeightedTerms;
import io.groundwork.text.SentenceSplitter;
import io.groundwork.text.TermAnalyzer;
import io.groundwork.text.TermWeights;
import io.groundwork.text.TextSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default {@link SupportScorer}: every sentence of the cited passages is a candidate piece of
 * evidence, scored by an {@link EvidenceScorer} as {@code lexicalWeight * lexical + (1 -
 * lexicalWeight) * semantic}, where
 *
 * <ul>
 *   <li>{@code lexical} is the share of the claim's content terms (analysed like the BM25 index:
 *       stop words removed, stemmed) that the evidence sentence contains, each term weighted by
 *       its {@link TermWeights} (IDF in the index: a rare term missing from the evidence costs
 *       more than a common one), and
 *   <li>{@code semantic} is the cosine similarity of the two sentences' embeddings, rescaled
 *       from [{@code cosineFloor}, {@code cosineCeiling}] to [0, 1] (bge-style models give
 *       unrelated text a cosine well above 0).
 * </ul>
 *
 * The best candidate gives the score. A claim stating a number that none of the cited passages
 * contains ("port 8443" against a source saying "port 443") has its score multiplied by {@code
 * numberPenalty}: invented figures are the commonest unsupported detail. Embeddings of evidence
 * sentences are cached (bounded, least recently used). Thread-safe.
 */
public final class DefaultSupportScorer implements SupportScorer {
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:]\\d+)*");
  private static final int CACHE_SIZE = 4096;

  private final Embedder embedder;
  private final TermAnalyzer terms;
  private final TermWeights weights;
  private final SentenceSplitter splitter = new SentenceSplitter();
  private final EvidenceScorer evidenceScorer;
  private final double numberPenalty;
  private final Map<String, float[]> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  private DefaultSupportScorer(Builder builder) {
    if (builder.embedder == null || builder.terms == null) {
      throw new IllegalArgumentException("embedder and terms are required");
    }
    if (builder.lexicalWeight < 0 || builder.lexicalWeight > 1) {
      throw new IllegalArgumentException(
          "lexicalWeight must be in [0, 1], got " + builder.lexicalWeight);
    }
    // Checks the cosine range. Claims are scored against single sentences: no context credit.
    this.evidenceScorer = new EvidenceScorer(builder.lexicalWeight, builder.cosineFloor,
        builder.cosineCeiling, 0);
    if (builder.numberPenalty < 0 || builder.numberPenalty > 1) {
      throw new IllegalArgumentException(
          "numberPenalty must be in [0, 1], got " + builder.numberPenalty);
    }
    this.embedder = builder.embedder;
    this.terms = builder.terms;
    this.weights = builder.weights;
    this.numberPenalty = builder.numberPenalty;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "lexical+embedding";
  }

  @Override
  public SupportScore score(String claim, List<String> passages) {
    List<String> evidence = new ArrayList<>();
    for (String passage : passages) {
      for (TextSpan sentence : splitter.split(passage)) {
        evidence.add(sentence.text());
      }
    }
    if (evidence.isEmpty() || claim.isBlank()) {
      return SupportScore.NONE;
    }
    WeightedTerms claimTerms =
        WeightedTerms.ofRunningTotal(new HashSet<>(terms.terms(claim)), weights);
    float[] claimVector = vectors(List.of(claim)).getFirst();
    List<float[]> vectors = vectors(evidence);
    SupportScore best = SupportScore.NONE;
    double bestCombined = -1;
    for (int i = 0; i < evidence.size(); i++) {
      Evidence scored = evidenceScorer.score(claimTerms,
          new HashSet<>(terms.terms(evidence.get(i))), Set.of(),
          Embedder.cosine(claimVector, vectors.get(i)));
      if (scored.blended() > bestCombined) { // first best wins ties: deterministic
        bestCombined = scored.blended();
        best = new SupportScore(scored.clampedBlend(), scored.coverage(), scored.similarity(),
            evidence.get(i));
      }
    }
    if (hasUnsupportedNumber(claim, passages)) {
      best = new SupportScore(best.support() * numberPenalty, best.lexical(), best.semantic(),
          best.evidence());
    }
    return best;
  }

  /** True when the claim states a number that no cited passage contains. */
  public static boolean hasUnsupportedNumber(String claim, List<String> passages) {
    Set<String> available = new HashSet<>();
    for (String passage : passages) {
      Matcher m = NUMBER.matcher(passage);
      while (m.find()) {
        available.add(m.group());
      }
    }
    Matcher m = NUMBER.matcher(claim);
    while (m.find()) {
      if (!available.contains(m.group())) {
        return true;
      }
    }
    return false;
  }

  private List<float[]> vectors(List<String> sentences) {
    List<float[]> vectors = new ArrayList<>(sentences.size());
    List<String> missing = new ArrayList<>();
    for (String sentence : sentences) {
      if (!cache.containsKey(sentence)) {
        missing.add(sentence);
      }
    }
    if (!missing.isEmpty()) {
      List<String> distinct = missing.stream().distinct().toList();
      List<float[]> computed = embedder.embedPassages(distinct);
      for (int i = 0; i < distinct.size(); i++) {
        cache.put(distinct.get(i), computed.get(i));
      }
    }
    for (String sentence : sentences) {
      float[] vector = cache.get(sentence);
      if (vector == null) { // evicted meanwhile by another thread
        vector = embedder.embedPassages(List.of(sentence)).getFirst();
      }
      vectors.add(vector);
    }
    return vectors;
  }

  /** Builds a {@link DefaultSupportScorer}; the defaults are the calibrated ones. */
  public static final class Builder {
    private Embedder embedder;
    private TermAnalyzer terms;
    private TermWeights weights = term -> 1.0;
    private double lexicalWeight = 0.5;
    private double cosineFloor = 0.5;
    private double cosineCeiling = 0.9;
    private double numberPenalty = 0.5;

    public Builder embedder(Embedder embedder) {
      this.embedder = embedder;
      return this;
    }

    public Builder terms(TermAnalyzer terms) {
      this.terms = terms;
      return this;
    }

    /** Weights of claim terms, e.g. their IDF in the index; by default all terms weigh 1. */
    public Builder weights(TermWeights weights) {
      if (weights == null) {
        throw new IllegalArgumentException("weights must not be null");
      }
      this.weights = weights;
      return this;
    }

    /** Weight of lexical overlap in the combined score; the rest is embedding similarity. */
    public Builder lexicalWeight(double lexicalWeight) {
      this.lexicalWeight = lexicalWeight;
      return this;
    }

    /** Cosine similarity that maps to semantic support 0. */
    public Builder cosineFloor(double cosineFloor) {
      this.cosineFloor = cosineFloor;
      return this;
    }

    /** Cosine similarity that maps to semantic support 1. */
    public Builder cosineCeiling(double cosineCeiling) {
      this.cosineCeiling = cosineCeiling;
      return this;
    }

    /** Factor applied to the score of a claim stating a number no cited passage contains. */
    public Builder numberPenalty(double numberPenalty) {
      this.numberPenalty = numberPenalty;
      return this;
    }

    public DefaultSupportScorer build() {
      return new DefaultSupportScorer(this);
    }
  }
}
