package io.groundwork.answer;

import io.groundwork.embed.Embedder;
import io.groundwork.evidence.Evidence;
import io.groundwork.evidence.EvidenceScorer;
import io.groundwork.evidence.WeightedTerms;
import io.groundwork.index.IndexedChunk;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.text.InstructionDetector;
import io.groundwork.text.SentenceSplitter;
import io.groundwork.text.TermAnalyzer;
import io.groundwork.text.TermWeights;
import io.groundwork.text.TextSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The default {@link Answerer}, needing no language model: it picks the sentences of the
 * retrieved chunks that best answer the question and cites each one.
 *
 * <p>Each sentence of the best chunks is scored by its evidence ({@link EvidenceScorer}): the
 * mean of (a) its embedding similarity to the question, rescaled so that unrelated text scores
 * near 0, and (b) the share of the question's content terms it contains, each term weighted by
 * its IDF in the index (a question term that no document contains weighs most, so asking about
 * something the knowledge base never mentions lowers the evidence). Sentences are embedded with
 * their document title and headings, which often carry their subject. If no sentence reaches
 * {@code minEvidence}, the answer is a refusal that cites nothing. Otherwise sentences are
 * ranked by their citation score: like the evidence, but with the mean of the similarities of
 * the sentence in its context and of the sentence alone. The title and headings are the same for
 * every sentence of a passage, so on their own they pull its sentences together and let the
 * neighbours of the sentence that answers rank almost as high as it; the sentence alone tells
 * them apart. The context still decides which document answers: the first sentence cited is the
 * best-ranked one of the document with the highest evidence (ranked, like the citation score,
 * with the discount below). Both scores are discounted, when the question asks what, which,
 * who, when, where or how,
 * for a sentence that states nothing specific (no number, no name) beyond the question's own
 * words, since such questions ask for facts and "this may include a
 * referral to occupational health" restates a question rather than answering it; up to
 * {@code maxSentences} sentences reaching {@code minEvidence} and ranking at least
 * {@code relativeCutoff} of the first are returned, each followed by its citation number: grouped
 * by document (the document of the best sentence first) and in document order within a document,
 * so that the answer reads like a passage. Each sentence is embedded twice (in context and
 * alone), in one batch. Thread-safe.
 */
public final class ExtractiveAnswerer implements Answerer {
  private static final Logger LOG = Logger.getLogger(ExtractiveAnswerer.class);
  /** Name recorded in audit records. */
  public static final String NAME = "extractive";

  /**
   * Evidence: the mean of coverage and similarity; a cosine of 0.45 (unrelated text under
   * bge-style models) maps to similarity 0, one of 0.85 (a paraphrase) to 1; a question term
   * found only in the sentence's context (previous sentence, headings) counts half.
   */
  private static final EvidenceScorer EVIDENCE = new EvidenceScorer(0.5, 0.45, 0.85, 0.5);
  private static final int MIN_WORDS = 4;
  /** Rank weight of a sentence that names no number or proper noun beyond the question's words. */
  private static final double UNSPECIFIC_DISCOUNT = 0.85;
  /** A number, or a capitalised word that does not start the sentence: a fact or a name. */
  private static final Set<String> FACT_QUESTION_WORDS =
      Set.of("what", "which", "who", "whom", "whose", "when", "where", "how");
  private static final Pattern SPECIFIC =
      Pattern.compile("\\p{N}[\\p{L}\\p{N}.,:%-]*|(?<=[\\s(\"'])\\p{Lu}[\\p{L}\\p{N}-]*");
  /**
   * Words that shape a question but carry none of its content ("how many ... does ... have");
   * they are not evidence that a sentence answers it.
   */
  private static final String QUESTION_WORDS = "how many much what which who whom whose when where"
      + " why do does did done have has had having i me my we us our you your can could should"
      + " would may might must shall get gets got need needs tell know please there here any some"
      + " about big large long often far old soon";

  private final Embedder embedder;
  private final TermAnalyzer terms;
  private final SentenceSplitter splitter = new SentenceSplitter();
  private final PromptLibrary prompts;
  private final TermWeights weights;
  private final int maxSentences;
  private final int chunksConsidered;
  private final double minEvidence;
  private final double relativeCutoff;
  private final Set<String> questionWords;

  private ExtractiveAnswerer(Builder builder) {
    if (builder.embedder == null || builder.terms == null || builder.prompts == null
        || builder.weights == null) {
      throw new IllegalArgumentException("embedder, terms, weights and prompts are required");
    }
    if (builder.maxSentences < 1) {
      throw new IllegalArgumentException("maxSentences must be >= 1, got " + builder.maxSentences);
    }
    if (builder.chunksConsidered < 1) {
      throw new IllegalArgumentException(
          "chunksConsidered must be >= 1, got " + builder.chunksConsidered);
    }
    if (builder.minEvidence < 0 || builder.minEvidence > 1) {
      throw new IllegalArgumentException("minEvidence must be in [0, 1], got " + builder.minEvidence);
    }
    if (builder.relativeCutoff <= 0 || builder.relativeCutoff > 1) {
      throw new IllegalArgumentException(
          "relativeCutoff must be in (0, 1], got " + builder.relativeCutoff);
    }
    this.embedder = builder.embedder;
    this.terms = builder.terms;
    this.prompts = builder.prompts;
    this.weights = builder.weights;
    this.maxSentences = builder.maxSentences;
    this.chunksConsidered = builder.chunksConsidered;
    this.minEvidence = builder.minEvidence;
    this.relativeCutoff = builder.relativeCutoff;
    this.questionWords = Set.copyOf(terms.terms(QUESTION_WORDS));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A sentence of a retrieved chunk, with its offsets in the document. */
  record Candidate(RetrievedChunk source, int chunkRank, TextSpan span, Set<String> terms,
      Set<String> contextTerms) {}

  /**
   * A candidate with its evidence (whether it answers, judged in its context) and its citation
   * score (how well it, rather than its neighbours, answers).
   */
  record Scored(Candidate candidate, double evidence, double citationScore, double similarity,
      double ownSimilarity, double coverage, boolean specific) {
    /**
     * Orders sentences: the citation score, discounted when the sentence states nothing
     * specific.
     */
    double rankScore() {
      return specific ? citationScore : citationScore * UNSPECIFIC_DISCOUNT;
    }

    /** Like {@link #rankScore()}, with the evidence in place of the citation score. */
    double evidenceRankScore() {
      return specific ? evidence : evidence * UNSPECIFIC_DISCOUNT;
    }
  }

  private static final InstructionDetector INSTRUCTIONS = new InstructionDetector();

  @Override
  public Answer answer(AnswerRequest request) {
    List<Scored> ranked = rank(request.question(), request.chunks()).stream()
        .filter(s -> s.evidence() >= minEvidence).toList();
    if (ranked.isEmpty()) {
      return refusal();
    }
    // The evidence, which sees each sentence with its title and headings, picks the document
    // that answers ("Leeds office" may be named only in the title); the citation score picks
    // which of its sentences to cite first, then the further sentences of any document.
    String answering = ranked.stream().max(Comparator.comparingDouble(Scored::evidenceRankScore))
        .orElseThrow().candidate().source().chunk().documentId();
    Scored first = ranked.stream()
        .filter(s -> s.candidate().source().chunk().documentId().equals(answering))
        .findFirst().orElseThrow();
    double cutoff = first.rankScore() * relativeCutoff;
    List<Candidate> chosen = new ArrayList<>();
    chosen.add(first.candidate());
    for (Scored scored : ranked) {
      if (chosen.size() == maxSentences || scored.rankScore() < cutoff) {
        break;
      }
      if (scored != first) {
        chosen.add(scored.candidate());
      }
    }
    // Read like a passage: documents in order of their best sentence, sentences in document order.
    List<String> documentOrder = chosen.stream().map(c -> c.source().chunk().documentId())
        .distinct().toList();
    chosen.sort(Comparator.comparingInt((Candidate c) ->
            documentOrder.indexOf(c.source().chunk().documentId()))
        .thenComparingInt(c -> c.source().chunk().start() + c.span().start()));
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder(prompts.template("extractive-answer")).append('\n');
    for (Candidate candidate : chosen) {
      IndexedChunk chunk = candidate.source().chunk();
      int number = citations.size() + 1;
      int start = chunk.start() + candidate.span().start();
      int end = chunk.start() + candidate.span().end();
      citations.add(new Citation(number, chunk.documentId(), chunk.title(), chunk.path(),
          chunk.chunkId(), start, end, chunk.page(), candidate.span().text(),
          sourceUrl(chunk.documentId(), start, end)));
      // Document text never makes citation markup: its own "[1]" is not a citation.
      text.append(SourceNeutralizer.neutralizeCitationMarkers(candidate.span().text()))
          .append(" [").append(number).append("]\n");
    }
    return new Answer(text.toString().strip(), citations, false, NAME, prompts.version());
  }

  /**
   * Candidate sentences by {@linkplain Scored#rankScore() rank score}, best first; ties by chunk
   * rank, then position.
   */
  List<Scored> rank(String question, List<RetrievedChunk> chunks) {
    List<Candidate> candidates = candidates(chunks);
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<String> questionText = new HashSet<>(
        Arrays.asList(question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    // "Which provider ...?" asks for a fact; "Can I use ...?" is answered by a rule just as well.
    boolean asksForFact = questionText.stream().anyMatch(FACT_QUESTION_WORDS::contains);
    Set<String> questionTerms = new LinkedHashSet<>(terms.terms(question));
    questionTerms.removeAll(questionWords);
    WeightedTerms weighted = WeightedTerms.of(questionTerms, weights);
    float[] questionVector = embedder.embedQuery(question);
    // One call for both texts of every sentence: in context (first half) and alone (second half).
    List<String> texts = new ArrayList<>(2 * candidates.size());
    candidates.forEach(candidate -> texts.add(inContext(candidate)));
    candidates.forEach(candidate -> texts.add(candidate.span().text()));
    List<float[]> vectors = embedder.embedPassages(texts);
    List<Scored> scored = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Candidate candidate = candidates.get(i);
      double cosine = Embedder.cosine(questionVector, vectors.get(i));
      double ownCosine = Embedder.cosine(questionVector, vectors.get(candidates.size() + i));
      Evidence evidence = EVIDENCE.score(weighted, candidate.terms(), candidate.contextTerms(),
          cosine);
      // The citation score: the same coverage, with the mean cosine in context and alone.
      Evidence citation = EVIDENCE.score(evidence.coverage(), (cosine + ownCosine) / 2);
      scored.add(new Scored(candidate, evidence.blended(), citation.blended(),
          evidence.similarity(), EVIDENCE.similarity(ownCosine), evidence.coverage(),
          !asksForFact || specific(candidate.span().text(), questionText)));
    }
    scored.sort(Comparator.comparingDouble(Scored::rankScore).reversed()
        .thenComparingInt(s -> s.candidate().chunkRank())
        .thenComparingInt(s -> s.candidate().span().start()));
    if (LOG.isDebugEnabled()) {
      LOG.debugf("question: %s", question);
      scored.stream().limit(3).forEach(s -> LOG.debugf("evidence %.3f, citation score %.3f"
          + " (similarity %.3f, alone %.3f, coverage %.3f, specific %s) %s", s.evidence(),
          s.citationScore(), s.similarity(), s.ownSimilarity(), s.coverage(), s.specific(),
          s.candidate().span().text()));
    }
    return scored;
  }

  /** Whether {@code sentence} names a number or proper noun that the question does not. */
  static boolean specific(String sentence, Set<String> questionWords) {
    Matcher matcher = SPECIFIC.matcher(sentence);
    while (matcher.find()) {
      String word = matcher.group().toLowerCase(Locale.ROOT).replaceAll("[.,:]+$", "");
      if (!questionWords.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text embedded for a sentence: its document title and heading path, then the sentence.
   * A sentence often leaves its subject to its headings ("Fire safety" in the Leeds office guide:
   * "If the alarm sounds, go to Bishopgate Street"); without them it cannot match a question that
   * names the subject, and a similar sentence of another document would win instead.
   */
  private static String inContext(Candidate candidate) {
    IndexedChunk chunk = candidate.source().chunk();
    String heading = chunk.headingPath().isBlank() ? "" : " > " + chunk.headingPath();
    return chunk.title() + heading + ": " + candidate.span().text();
  }

  private List<Candidate> candidates(List<RetrievedChunk> chunks) {
    List<Candidate> candidates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int rank = 0; rank < Math.min(chunksConsidered, chunks.size()); rank++) {
      RetrievedChunk retrieved = chunks.get(rank);
      IndexedChunk chunk = retrieved.chunk();
      Set<String> headings = Set.of(chunk.headingPath().split(" > "));
      Set<String> about = new HashSet<>(terms.terms(chunk.title() + "\n" + chunk.headingPath()));
      Set<String> previous = Set.of();
      for (TextSpan sentence : splitter.split(chunk.text())) {
        String text = sentence.text();
        Set<String> own = new HashSet<>(terms.terms(text));
        if (headings.contains(text) || text.equals(chunk.title())
            || text.split("\\s+").length < MIN_WORDS) {
          continue; // headings and fragments say what a passage is about, not what it states
        }
        if (INSTRUCTIONS.kind(text).filter(InstructionDetector.Kind.ASSISTANT_ADDRESS::equals)
            .isPresent()) {
          continue; // text addressed to an assistant is never an answer
        }
        Set<String> context = new HashSet<>(about);
        context.addAll(previous);
        previous = own;
        // Overlapping chunks repeat sentences: cite each document span once.
        if (seen.add(chunk.documentId() + "@" + (chunk.start() + sentence.start()))) {
          candidates.add(new Candidate(retrieved, rank, sentence, own, context));
        }
      }
    }
    return candidates;
  }

  private Answer refusal() {
    return new Answer(prompts.template("refusal"), List.of(), true, NAME, prompts.version());
  }

  /** Where the web page shows a passage highlighted in its document. */
  public static String sourceUrl(String documentId, int start, int end) {
    return "/view.html?doc=" + documentId + "&start=" + start + "&end=" + end;
  }

  /** Builds an {@link ExtractiveAnswerer}; defaults match {@link AnswerConfig}. */
  public static final class Builder {
    private Embedder embedder;
    private TermAnalyzer terms;
    private PromptLibrary prompts;
    private TermWeights weights;
    private int maxSentences = 3;
    private int chunksConsidered = 5;
    private double minEvidence = 0.45;
    private double relativeCutoff = 0.75;

    public Builder embedder(Embedder embedder) {
      this.embedder = embedder;
      return this;
    }

    public Builder terms(TermAnalyzer terms) {
      this.terms = terms;
      return this;
    }

    /** Weights of question terms, e.g. their IDF in the index. */
    public Builder weights(TermWeights weights) {
      this.weights = weights;
      return this;
    }

    public Builder prompts(PromptLibrary prompts) {
      this.prompts = prompts;
      return this;
    }

    public Builder maxSentences(int maxSentences) {
      this.maxSentences = maxSentences;
      return this;
    }

    public Builder chunksConsidered(int chunksConsidered) {
      this.chunksConsidered = chunksConsidered;
      return this;
    }

    public Builder minEvidence(double minEvidence) {
      this.minEvidence = minEvidence;
      return this;
    }

    public Builder relativeCutoff(double relativeCutoff) {
      this.relativeCutoff = relativeCutoff;
      return this;
    }

    public ExtractiveAnswerer build() {
      return new ExtractiveAnswerer(this);
    }
  }
}
