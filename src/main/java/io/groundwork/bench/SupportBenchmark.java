package io.groundwork.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.groundwork.evidence.EvidenceScorer;
import io.groundwork.text.TermAnalyzer;
import io.groundwork.text.TermWeights;
import io.groundwork.verify.DefaultSupportScorer;
import io.groundwork.verify.SupportScore;
import io.groundwork.verify.SupportScorer;

/**
 * Measures how well a {@link SupportScorer} separates supported from unsupported sentences on
 * claims with rationales in SciFact's layout: {@code rationales.jsonl} lines {@code {"_id",
 * "claim", "evidence": [{"doc", "label", "sentences": [i, ...]}]}} and {@code corpus.jsonl} lines
 * {@code {"_id", "sentences": [...]}}.
 *
 * <p>For every claim and every abstract that SUPPORTs it, each gold rationale sentence is a
 * positive pair (claim, sentence) and each other sentence of the same abstract (cited by no
 * evidence of that claim) is a negative pair. Rationales labelled CONTRADICT are scored apart
 * (they are about the claim but do not support it). Each pair is scored with the sentence as the
 * only cited passage. Reports ROC AUC (ties count half), and precision, recall and F1 at a
 * threshold. Not thread-safe; single use.
 */
public final class SupportBenchmark {
  private final SupportScorer scorer;

  public SupportBenchmark(SupportScorer scorer) {
    if (scorer == null) {
      throw new IllegalArgumentException("scorer must not be null");
    }
    this.scorer = scorer;
  }

  /** A scored pair. */
  public record Pair(String claimId, String claim, String sentence, String kind,
      SupportScore score) {}

  /**
   * Precision, recall and F1 of "support >= threshold" for the positive pairs.
   *
   * @param threshold the threshold
   * @param precision share of pairs at or above it that are positive
   * @param recall share of positive pairs at or above it
   * @param f1 harmonic mean of both
   */
  public record Operating(double threshold, double precision, double recall, double f1) {}

  /**
   * The benchmark's figures.
   *
   * @param claims claims with evidence that were used
   * @param positives supported pairs
   * @param negatives unsupported pairs (other sentences of the same abstracts)
   * @param contradicting CONTRADICT rationale pairs
   * @param auc ROC AUC of the support score, positives against negatives
   * @param aucLexical ROC AUC of the lexical part alone
   * @param aucSemantic ROC AUC of the embedding part alone
   * @param atThreshold the operating point at the given threshold
   * @param bestF1 the threshold with the best F1 (a development signal, not a test result)
   * @param contradictingAccepted share of CONTRADICT rationale pairs at or above the threshold
   * @param pairs every scored pair
   */
  public record Result(int claims, int positives, int negatives, int contradicting, double auc,
      double aucLexical, double aucSemantic, Operating atThreshold, Operating bestF1,
      double contradictingAccepted, List<Pair> pairs) {}

  /** Runs the benchmark on at most {@code maxClaims} claims (in file order) at {@code threshold}. */
  public Result run(Path rationales, Path corpus, int maxClaims, double threshold)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> claims = new ArrayList<>();
    Set<String> docs = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(rationales, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null && claims.size() < maxClaims;
          line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode claim = json.readTree(line);
        for (JsonNode evidence : claim.path("evidence")) {
          docs.add(evidence.path("doc").asText());
        }
        if (!claim.path("evidence").isEmpty()) {
          claims.add(claim);
        }
      }
    }
    Map<String, List<String>> sentences = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode doc = json.readTree(line);
        String id = doc.path("_id").asText();
        if (docs.contains(id)) {
          List<String> list = new ArrayList<>();
          doc.path("sentences").forEach(s -> list.add(s.asText().strip()));
          sentences.put(id, list);
        }
      }
    }
    List<Pair> pairs = new ArrayList<>();
    for (JsonNode claim : claims) {
      String id = claim.path("_id").asText();
      String text = claim.path("claim").asText();
      Map<String, Set<Integer>> rationaleByDoc = new HashMap<>();
      for (JsonNode evidence : claim.path("evidence")) {
        Set<Integer> set = rationaleByDoc.computeIfAbsent(evidence.path("doc").asText(),
            d -> new HashSet<>());
        evidence.path("sentences").forEach(s -> set.add(s.asInt()));
      }
      Set<String> seen = new HashSet<>();
      for (JsonNode evidence : claim.path("evidence")) {
        String doc = evidence.path("doc").asText();
        List<String> abstractSentences = sentences.get(doc);
        if (abstractSentences == null) {
          throw new IllegalArgumentException("claim " + id + " cites document " + doc
              + ", which is not in " + corpus);
        }
        boolean support = "SUPPORT".equals(evidence.path("label").asText());
        for (JsonNode s : evidence.path("sentences")) {
          String sentence = abstractSentences.get(s.asInt());
          if (seen.add(doc + "#" + s.asInt())) {
            pairs.add(score(id, text, sentence, support ? "supported" : "contradicting"));
          }
        }
        if (support && seen.add(doc + "#negatives")) {
          for (int i = 0; i < abstractSentences.size(); i++) {
            if (!rationaleByDoc.get(doc).contains(i) && !abstractSentences.get(i).isBlank()) {
              pairs.add(score(id, text, abstractSentences.get(i), "unsupported"));
            }
          }
        }
      }
    }
    List<Pair> positives = pairs.stream().filter(p -> p.kind().equals("supported")).toList();
    List<Pair> negatives = pairs.stream().filter(p -> p.kind().equals("unsupported")).toList();
    List<Pair> contradicting = pairs.stream().filter(p -> p.kind().equals("contradicting")).toList();
    double auc = auc(positives.stream().mapToDouble(p -> p.score().support()).toArray(),
        negatives.stream().mapToDouble(p -> p.score().support()).toArray());
    double aucLexical = auc(positives.stream().mapToDouble(p -> p.score().lexical()).toArray(),
        negatives.stream().mapToDouble(p -> p.score().lexical()).toArray());
    double aucSemantic = auc(positives.stream().mapToDouble(p -> p.score().semantic()).toArray(),
        negatives.stream().mapToDouble(p -> p.score().semantic()).toArray());
    Operating at = operating(positives, negatives, threshold);
    Operating best = at;
    for (int t = 0; t <= 100; t++) {
      Operating candidate = operating(positives, negatives, t / 100.0);
      if (candidate.f1() > best.f1()) {
        best = candidate;
      }
    }
    double accepted = contradicting.isEmpty() ? 0
        : contradicting.stream().filter(p -> p.score().support() >= threshold).count()
            / (double) contradicting.size();
    return new Result(claims.size(), positives.size(), negatives.size(), contradicting.size(),
        auc, aucLexical, aucSemantic, at, best, accepted, pairs);
  }

  /**
   * Inverse document frequencies of the analysed terms of {@code corpus} (one JSONL abstract a
   * line, its {@code title} and {@code text}), computed like the index's: {@code ln(1 + (n - df +
   * 0.5) / (df + 0.5))}.
   */
  public static TermWeights idf(Path corpus, TermAnalyzer analyzer) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Integer> df = new HashMap<>();
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode doc = json.readTree(line);
        n++;
        for (String term : new HashSet<>(analyzer.terms(doc.path("title").asText() + "\n"
            + doc.path("text").asText()))) {
          df.merge(term, 1, Integer::sum);
        }
      }
    }
    int docs = n;
    return term -> {
      int f = df.getOrDefault(term, 0);
      return Math.log(1 + (docs - f + 0.5) / (f + 0.5));
    };
  }

  /**
   * ROC AUC of {@code w * lexical + (1 - w) * semantic} (with the number penalty of {@code
   * scorer}) for other lexical weights {@code w}, recomputed from the scored pairs: valid because
   * each pair has a single evidence sentence, so the best sentence does not depend on {@code w}.
   */
  public static double aucAtLexicalWeight(Result result, double w, double numberPenalty) {
    java.util.function.ToDoubleFunction<Pair> support = p -> {
      double s = EvidenceScorer.blend(w, p.score().lexical(), p.score().semantic());
      return DefaultSupportScorer.hasUnsupportedNumber(p.claim(), List.of(p.sentence()))
          ? s * numberPenalty : s;
    };
    return auc(result.pairs().stream().filter(p -> p.kind().equals("supported"))
            .mapToDouble(support).toArray(),
        result.pairs().stream().filter(p -> p.kind().equals("unsupported"))
            .mapToDouble(support).toArray());
  }

  private Pair score(String id, String claim, String sentence, String kind) {
    return new Pair(id, claim, sentence, kind, scorer.score(claim, List.of(sentence)));
  }

  /** ROC AUC by ranks (Mann-Whitney U), ties counted half. */
  public static double auc(double[] positives, double[] negatives) {
    if (positives.length == 0 || negatives.length == 0) {
      return Double.NaN;
    }
    record Scored(double score, boolean positive) {}
    List<Scored> all = new ArrayList<>();
    for (double p : positives) {
      all.add(new Scored(p, true));
    }
    for (double n : negatives) {
      all.add(new Scored(n, false));
    }
    all.sort(Comparator.comparingDouble(Scored::score));
    double rankSum = 0;
    int i = 0;
    while (i < all.size()) {
      int j = i;
      while (j < all.size() && all.get(j).score() == all.get(i).score()) {
        j++;
      }
      double averageRank = (i + 1 + j) / 2.0; // ranks i+1..j share their mean
      for (int k = i; k < j; k++) {
        if (all.get(k).positive()) {
          rankSum += averageRank;
        }
      }
      i = j;
    }
    double u = rankSum - positives.length * (positives.length + 1) / 2.0;
    return u / ((double) positives.length * negatives.length);
  }

  private static Operating operating(List<Pair> positives, List<Pair> negatives, double threshold) {
    long tp = positives.stream().filter(p -> p.score().support() >= threshold).count();
    long fp = negatives.stream().filter(p -> p.score().support() >= threshold).count();
    double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double recall = positives.isEmpty() ? 0 : tp / (double) positives.size();
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new Operating(threshold, precision, recall, f1);
  }
}
