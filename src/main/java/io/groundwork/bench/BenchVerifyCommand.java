package io.groundwork.bench;

import io.groundwork.embed.Embedder;
import io.groundwork.text.TermAnalyzer;
import io.groundwork.verify.DefaultSupportScorer;
import io.groundwork.verify.VerifyConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures how well the answer verifier's support score separates a claim's gold rationale
 * sentences from the other sentences of the same abstract (SciFact layout); prints the figures.
 */
@Command(name = "bench-verify",
    description = "Benchmark the verifier's support score on claims with rationales (e.g. SciFact train).")
public class BenchVerifyCommand implements Callable<Integer> {
  @Option(names = "--rationales", required = true,
      description = "JSONL of claims with evidence: {_id, claim, evidence:[{doc, label, sentences}]}.")
  Path rationales;

  @Option(names = "--corpus", required = true,
      description = "JSONL of abstracts: {_id, sentences:[...]}.")
  Path corpus;

  @Option(names = "--max-claims", defaultValue = "100000", description = "Use at most this many claims.")
  int maxClaims;

  @Option(names = "--threshold", description = "Support threshold (default: groundwork.verify.min-support).")
  Double threshold;

  @Option(names = "--lexical-weight", description = "Weight of lexical overlap (default: groundwork.verify.lexical-weight).")
  Double lexicalWeight;

  @Option(names = "--expect-auc",
      description = "Checked regression: exit 2 unless the ROC AUC is within --tolerance of this.")
  Double expectAuc;

  @Option(names = "--tolerance", defaultValue = "0.01", description = "Allowed AUC deviation.")
  double tolerance;

  @Spec
  CommandSpec spec;

  private final Embedder embedder;
  private final VerifyConfig config;

  public BenchVerifyCommand(Embedder embedder, VerifyConfig config) {
    this.embedder = embedder;
    this.config = config;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    for (Path file : new Path[] {rationales, corpus}) {
      if (!Files.isReadable(file)) {
        spec.commandLine().getErr().println("groundwork: cannot read " + file);
        return 1;
      }
    }
    double weight = lexicalWeight == null ? config.lexicalWeight() : lexicalWeight;
    double at = threshold == null ? config.minSupport() : threshold;
    TermAnalyzer terms = new TermAnalyzer();
    // Term weights as in the app, where they are the IDF of the index: here, of the corpus.
    DefaultSupportScorer scorer = DefaultSupportScorer.builder().embedder(embedder).terms(terms)
        .weights(SupportBenchmark.idf(corpus, terms)).lexicalWeight(weight).build();
    long start = System.nanoTime();
    SupportBenchmark.Result r;
    try {
      r = new SupportBenchmark(scorer).run(rationales, corpus, maxClaims, at);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("groundwork: " + e.getMessage());
      return 1;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf("support scorer %s, lexical weight %.2f, embedding model %s%n", scorer.name(),
        weight, embedder.spec().id());
    out.printf("claims %d, supported pairs %d, unsupported pairs %d, contradicting pairs %d (%.1f s)%n",
        r.claims(), r.positives(), r.negatives(), r.contradicting(), seconds);
    out.printf("ROC AUC  support %.4f   lexical only %.4f   embedding only %.4f%n", r.auc(),
        r.aucLexical(), r.aucSemantic());
    out.printf("at threshold %.2f: precision %.4f  recall %.4f  F1 %.4f%n",
        r.atThreshold().threshold(), r.atThreshold().precision(), r.atThreshold().recall(),
        r.atThreshold().f1());
    out.printf("best F1 threshold %.2f: precision %.4f  recall %.4f  F1 %.4f%n",
        r.bestF1().threshold(), r.bestF1().precision(), r.bestF1().recall(), r.bestF1().f1());
    out.printf("contradicting rationales scored >= threshold: %.4f%n", r.contradictingAccepted());
    StringBuilder sweep = new StringBuilder("ROC AUC by lexical weight:");
    for (int w = 0; w <= 10; w += 2) {
      sweep.append(String.format(" %.1f=%.4f", w / 10.0,
          SupportBenchmark.aucAtLexicalWeight(r, w / 10.0, 0.5)));
    }
    out.println(sweep);
    if (expectAuc != null) {
      boolean ok = Math.abs(r.auc() - expectAuc) <= tolerance;
      out.printf("regression: expected ROC AUC %.4f +/- %.4f, got %.4f: %s%n", expectAuc,
          tolerance, r.auc(), ok ? "OK" : "FAILED");
      out.flush();
      return ok ? 0 : 2;
    }
    out.flush();
    return 0;
  }
}
