package io.groundwork.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.groundwork.answer.AnswerConfig;
import io.groundwork.answer.Answerer;
import io.groundwork.answer.ExtractiveAnswerer;
import io.groundwork.answer.PromptLibrary;
import io.groundwork.embed.Embedder;
import io.groundwork.eval.BeirDataset;
import io.groundwork.eval.DatasetOptions;
import io.groundwork.eval.EvalIndex;
import io.groundwork.eval.EvalPipeline;
import io.groundwork.eval.Evaluation;
import io.groundwork.eval.GroundingEvaluation;
import io.groundwork.eval.RegressionSpec;
import io.groundwork.ingest.Chunker;
import io.groundwork.retrieve.HybridRetriever;
import io.groundwork.retrieve.RetrievalSettings;
import io.groundwork.text.TermAnalyzer;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Evaluates retrieval on a BEIR-layout dataset with the server's own chunker, embedder, index and
 * retriever, or re-runs a checked-in regression.
 */
@Command(name = "eval", sortOptions = false, description = {
    "Evaluate retrieval on a BEIR-layout dataset: index the corpus (title + text) into an",
    "evaluation data directory (reused when built from the same corpus and configuration), run",
    "every judged query through the server's retriever and print nDCG@10, Recall@100, MRR@10",
    "(as BEIR computes them), retrieval latency p50/p95 and indexing throughput.",
    "Settings default to the server's configuration (groundwork.retrieval.*, groundwork.index.*);",
    "the embedding model is groundwork.embedding.model (GROUNDWORK_EMBEDDING_MODEL).",
    "Exit code 0: done (regression passed); 1: bad input; 4: a regression metric fell below",
    "its tolerance."})
public class EvalCommand implements Callable<Integer> {
  @Mixin
  DatasetOptions datasetOptions;

  @Option(names = "--regression", paramLabel = "FILE",
      description = "Run a checked-in regression (dataset, configuration, expected metrics, tolerance).")
  Path regression;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Option(names = "--mode", description = "bm25, dense or hybrid (default: groundwork.retrieval.mode).")
  RetrievalSettings.Mode mode;

  @Option(names = "--fusion", description = "rrf or weighted normalised scores (default: groundwork.retrieval.fusion).")
  RetrievalSettings.Fusion fusion;

  @Option(names = "--text-weight", description = "Weight of BM25 in the fusion.")
  Double textWeight;

  @Option(names = "--vector-weight", description = "Weight of vector search in the fusion.")
  Double vectorWeight;

  @Option(names = "--candidates", description = "Candidates per search (at least 100 here).")
  Integer candidates;

  @Option(names = "--rrf-k", description = "Reciprocal-rank fusion constant.")
  Integer rrfK;

  @Option(names = "--analyzer", description = "BM25 analyzer: english, english-keep-stopwords, standard.")
  String analyzer;

  @Option(names = "--context-boost", description = "BM25 weight of title matches relative to the text.")
  Float contextBoost;

  @Option(names = "--chunk-tokens", description = "Chunk budget in model tokens (default: the pipeline's).")
  Integer chunkTokens;

  @Option(names = "--rationales", paramLabel = "FILE",
      description = "SciFact-style rationales: also measure the extractive answerer's sentence grounding.")
  Path rationales;

  @Option(names = "--rationale-claims", paramLabel = "N",
      description = "Grounding on the first N claims with evidence only (default: all).")
  Integer rationaleClaims;

  @Spec
  CommandSpec spec;

  private final EvalPipeline pipeline;
  private final AnswerConfig answerConfig;
  /** Loaded when a grounding evaluation runs, so that other commands start without it. */
  private final Provider<PromptLibrary> prompts;

  public EvalCommand(EvalPipeline pipeline, AnswerConfig answerConfig,
      Provider<PromptLibrary> prompts) {
    this.pipeline = pipeline;
    this.answerConfig = answerConfig;
    this.prompts = prompts;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Embedder embedder = pipeline.embedder();
    try {
      RegressionSpec regressionSpec = null;
      if (regression != null) {
        regressionSpec = RegressionSpec.load(regression);
        applyRegression(regressionSpec);
      }
      BeirDataset dataset = datasetOptions.load();
      Path corpus = datasetOptions.corpus();
      RetrievalSettings settings = settings();
      String analyzerName = analyzer != null ? analyzer : pipeline.indexConfig().analyzer();
      float boost = contextBoost != null ? contextBoost : pipeline.indexConfig().contextBoost();
      Chunker chunker = pipeline.chunker();
      Chunker chunks = chunkTokens == null ? chunker
          : new Chunker(embedder.tokenizer(), chunkTokens, chunker.overlapTokens());
      Path dir = pipeline.dataDir(datasetOptions);
      out.printf("dataset     %s: %d documents, %d queries, %d with relevant documents%n",
          corpus, dataset.corpus().size(), dataset.queries().size(),
          dataset.judgedQueries().size());
      out.flush();
      // BM25 alone needs no vectors: its index is built without embedding (and is rebuilt with
      // vectors when another mode runs on the same data directory).
      EvalIndex.Opened opened = EvalIndex.open(dir.toAbsolutePath(), corpus, dataset.corpus(),
          embedder, chunks, analyzerName, boost, settings.mode() != RetrievalSettings.Mode.BM25);
      Evaluation.Figures figures;
      GroundingEvaluation.Figures grounding = null;
      try {
        HybridRetriever retriever = pipeline.retriever(opened.index(), settings);
        figures = Evaluation.score(dataset, Evaluation.run(dataset, retriever));
        if (rationales != null) {
          if (!Files.isRegularFile(rationales)) {
            throw new IllegalArgumentException("no such file: " + rationales);
          }
          // The server's answerer, with term weights from the evaluation index.
          Answerer answerer = ExtractiveAnswerer.builder().embedder(embedder)
              .terms(new TermAnalyzer()).prompts(prompts.get()).weights(opened.index())
              .maxSentences(answerConfig.maxSentences())
              .chunksConsidered(answerConfig.chunksConsidered())
              .minEvidence(answerConfig.minEvidence())
              .relativeCutoff(answerConfig.relativeCutoff())
              .nearTermCosine(answerConfig.nearTermCosine()).build();
          grounding = GroundingEvaluation.run(corpus, rationales, chunks, answerer,
              rationaleClaims == null ? Integer.MAX_VALUE : rationaleClaims);
        }
      } finally {
        opened.index().close();
      }
      EvalIndex.BuildStats stats = opened.stats();
      String configuration = "model=" + embedder.spec().id() + " query-instruction="
          + pipeline.embeddingConfig().queryInstruction() + " analyzer=" + analyzerName
          + " context-boost=" + boost + " chunk-tokens=" + chunks.maxTokens() + " overlap-tokens="
          + chunks.overlapTokens() + " " + settings.describe();
      out.printf("index       %s (%s)%n", dir, stats.reused()
          ? "reused, built " + stats.builtAt() : "built now");
      out.printf("indexing    %d documents, %d chunks in %.1f s: %.1f docs/s, %.1f chunks/s"
              + " (%d chunks embedded in %.1f s)%n", stats.documents(), stats.chunks(),
          stats.millis() / 1000.0, stats.documentsPerSecond(), stats.chunksPerSecond(),
          stats.embedded(), stats.embedMillis() / 1000.0);
      out.printf("config      %s%n", configuration);
      out.printf("nDCG@10     %.4f%n", figures.ndcgAt10());
      out.printf("Recall@100  %.4f%n", figures.recallAt100());
      out.printf("MRR@10      %.4f%n", figures.mrrAt10());
      out.printf("latency     p50 %.1f ms, p95 %.1f ms (retrieval of %d queries)%n",
          figures.latencyP50Millis(), figures.latencyP95Millis(), figures.queries());
      if (grounding != null) {
        out.printf("grounding   precision %.4f, recall %.4f (%d claims, %d refused; %d sentences"
                + " cited, %d of them gold; %d gold sentences)%n", grounding.precision(),
            grounding.recall(), grounding.claims(), grounding.refusals(), grounding.cited(),
            grounding.citedGold(), grounding.gold());
      }
      List<RegressionSpec.Check> checks = regressionSpec == null
          ? List.of() : regressionSpec.check(figures);
      boolean failed = false;
      for (RegressionSpec.Check check : checks) {
        failed |= !check.passed();
        out.printf("regression  %-10s %s: %.4f, expected %.4f - %.4f%n", check.metric(),
            check.passed() ? "PASS" : "FAIL", check.actual(), check.expected(), check.tolerance());
      }
      if (json != null) {
        writeJson(figures, stats, configuration, dir, checks, grounding);
      }
      out.flush();
      return failed ? 4 : 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("groundwork: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private RetrievalSettings settings() {
    RetrievalSettings settings = pipeline.settings();
    if (mode != null) {
      settings = settings.withMode(mode);
    }
    if (fusion != null) {
      settings = settings.withFusion(fusion);
    }
    settings = settings.withWeights(textWeight != null ? textWeight : settings.textWeight(),
        vectorWeight != null ? vectorWeight : settings.vectorWeight());
    if (rrfK != null) {
      settings = settings.withRrfK(rrfK);
    }
    int depth = candidates != null ? candidates : settings.candidates();
    return settings.withCandidates(Math.max(depth, Evaluation.DEPTH));
  }

  /** Options given on the command line win over the regression's configuration. */
  private void applyRegression(RegressionSpec spec) {
    datasetOptions.defaultFiles(spec.corpus(), spec.queries(), spec.qrels());
    for (Map.Entry<String, String> entry : spec.configuration().entrySet()) {
      String value = entry.getValue();
      switch (entry.getKey()) {
        case "model" -> {
          String running = pipeline.embedder().spec().id();
          if (!value.equals(running)) {
            throw new IllegalArgumentException("regression " + spec.name() + " needs model "
                + value + " but this process runs " + running
                + "; set GROUNDWORK_EMBEDDING_MODEL=" + value);
          }
        }
        case "mode" -> mode = mode != null ? mode : RetrievalSettings.Mode.valueOf(upper(value));
        case "fusion" -> fusion = fusion != null ? fusion
            : RetrievalSettings.Fusion.valueOf(upper(value));
        case "text-weight" -> textWeight = textWeight != null ? textWeight : Double.valueOf(value);
        case "vector-weight" -> vectorWeight = vectorWeight != null ? vectorWeight
            : Double.valueOf(value);
        case "candidates" -> candidates = candidates != null ? candidates : Integer.valueOf(value);
        case "rrf-k" -> rrfK = rrfK != null ? rrfK : Integer.valueOf(value);
        case "analyzer" -> analyzer = analyzer != null ? analyzer : value;
        case "context-boost" -> contextBoost = contextBoost != null ? contextBoost
            : Float.valueOf(value);
        case "chunk-tokens" -> chunkTokens = chunkTokens != null ? chunkTokens
            : Integer.valueOf(value);
        default -> throw new IllegalArgumentException("regression " + spec.name()
            + ": unknown configuration key '" + entry.getKey() + "'");
      }
    }
  }

  private static String upper(String value) {
    return value.strip().toUpperCase().replace('-', '_');
  }

  private void writeJson(Evaluation.Figures figures, EvalIndex.BuildStats stats,
      String configuration, Path dir, List<RegressionSpec.Check> checks,
      GroundingEvaluation.Figures grounding) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("corpus", datasetOptions.corpus().toString());
    root.put("queries", datasetOptions.queries().toString());
    root.put("qrels", datasetOptions.qrels().toString());
    root.put("dataDir", dir.toString());
    root.put("configuration", configuration);
    root.put("queriesEvaluated", figures.queries());
    root.put("ndcg@10", figures.ndcgAt10());
    root.put("recall@100", figures.recallAt100());
    root.put("mrr@10", figures.mrrAt10());
    root.put("latencyP50Millis", figures.latencyP50Millis());
    root.put("latencyP95Millis", figures.latencyP95Millis());
    ObjectNode indexing = root.putObject("indexing");
    indexing.put("reused", stats.reused());
    indexing.put("builtAt", stats.builtAt());
    indexing.put("documents", stats.documents());
    indexing.put("chunks", stats.chunks());
    indexing.put("seconds", stats.millis() / 1000.0);
    indexing.put("documentsPerSecond", stats.documentsPerSecond());
    indexing.put("chunksPerSecond", stats.chunksPerSecond());
    indexing.put("chunksEmbedded", stats.embedded());
    indexing.put("embedSeconds", stats.embedMillis() / 1000.0);
    if (grounding != null) {
      ObjectNode node = root.putObject("grounding");
      node.put("claims", grounding.claims());
      node.put("refusals", grounding.refusals());
      node.put("sentencesCited", grounding.cited());
      node.put("goldCited", grounding.citedGold());
      node.put("goldSentences", grounding.gold());
      node.put("precision", grounding.precision());
      node.put("recall", grounding.recall());
    }
    if (!checks.isEmpty()) {
      ObjectNode regressionNode = root.putObject("regression");
      for (RegressionSpec.Check check : checks) {
        ObjectNode node = regressionNode.putObject(check.metric());
        node.put("expected", check.expected());
        node.put("actual", check.actual());
        node.put("tolerance", check.tolerance());
        node.put("passed", check.passed());
      }
    }
    ReportFiles.writeJson(mapper, json, root);
  }
}
