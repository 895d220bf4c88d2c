package io.groundwork.answer;

import io.groundwork.answer.type.AnswerType;
import io.groundwork.answer.type.Entity;
import io.groundwork.answer.type.EntityRecognizer;
import io.groundwork.answer.type.EntityType;
import io.groundwork.answer.type.QuestionClassifier;
import io.groundwork.answer.type.Regions;
import io.groundwork.answer.type.Roles;
import io.groundwork.embed.Embedder;
import io.groundwork.embed.WordVectors;
import io.groundwork.evidence.Evidence;
import io.groundwork.evidence.EvidenceScorer;
import io.groundwork.evidence.WeightedTerms;
import io.groundwork.index.IndexedChunk;
import io.groundwork.pii.Detectors;
import io.groundwork.pii.PiiDetector;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.text.InstructionDetector;
import io.groundwork.text.SentenceSplitter;
import io.groundwork.text.TermAnalyzer;
import io.groundwork.text.TermWeights;
import io.groundwork.text.TextSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The default {@link Answerer}, needing no language model: it picks the sentences of the
 * retrieved chunks that answer the question and cites each one, or refuses.
 *
 * <p><b>Candidates.</b> Every sentence of the best {@code chunksConsidered} chunks, except lines
 * that only name something (headings, titles, running page headers and footers, short fragments
 * without a value; see {@link TitleLikeLines}) and the header rows of tables ({@link TableRows}),
 * which are the context of the rows below them. From the further retrieved chunks, only sentences
 * that state an entity of the expected answer type and share a term with the question.
 *
 * <p><b>Evidence.</b> Each sentence is scored by its evidence ({@link EvidenceScorer}): the mean
 * of (a) its embedding similarity to the question, rescaled so that unrelated text scores near 0,
 * and (b) the share of the question's content terms it contains, each weighted by its IDF in the
 * index. Terms are compared after role acronyms are expanded ("CFO", "chief financial officer")
 * and after a small synonym lexicon maps workplace paraphrases together ({@link TermSynonyms});
 * a passage word the embedding model puts close to a question word, a compound written apart
 * and initials spelled out count as the question's word ({@link NearTerms}).
 * Sentences are embedded with their document title and headings, which often carry their
 * subject; the citation score uses the mean of the similarities in context and alone, so that
 * the sentence itself, not only its section, decides which sentence of a passage is cited.
 *
 * <p><b>Expected answer type.</b> The question is classified by rules ({@link
 * QuestionClassifier}: a person, a role holder, a number, money, a duration, a date or time, a
 * phone number, an email or web address, a place, a procedure, yes/no, a definition). For a type
 * that is an entity, a sentence stating an entity of that type ({@link EntityRecognizer}) ranks
 * higher the closer the entity stands to the question's own words, and a sentence without one
 * ranks lower; "Who is our CFO?" is never answered by a sentence without a person's name.
 *
 * <p><b>Places.</b> When the question names a region ({@link Regions}: a country, a city, a
 * trading bloc), a sentence about another region is not a candidate: one that names only regions
 * that neither contain nor lie in the question's, or that names none under a heading or title
 * that does ("the hotel cap in Leeds" does not answer for Lisbon, the UK's leave entitlement does
 * not answer for Germany).
 *
 * <p><b>Sections.</b> When the question matches a section heading of a retrieved passage (its
 * terms and its embedding) and asks for a procedure, or for no particular entity, the answer is
 * that section's sentences in document order (up to {@code maxSectionSentences}), so a
 * procedure's steps stay complete and in order. Otherwise up to {@code maxSentences} sentences
 * are cited: the best-ranked sentence of the document with the highest evidence first, then
 * those ranking at least {@code relativeCutoff} of it, grouped by document and in document order.
 *
 * <p><b>Completion.</b> A chosen lead-in that ends with a colon is cited with the lines it
 * introduces, the first sentence of a list item with the rest of the item, and a sentence opening
 * with a pronoun that points back ("This ...") with the sentence before it, and a sentence under
 * a heading that states a value ("Flow 4.4 (8 July 2025)") with that heading, and a table row
 * with its table's header row.
 *
 * <p><b>Refusal.</b> The answer's {@link AnswerSignals} (the evidence of the chosen sentences,
 * how much of the question the retrieved passages mention at all, how much of it and of its
 * rarest words the chosen sentences cover, whether they state the expected type, how well they
 * support the question on their own, the retrieval score and margin, how far the best
 * sentence is ahead of other documents', and how many of the question's phrases they state) are
 * combined by a {@link ConfidenceModel} fitted on the development set; below {@code
 * minConfidence} (or when no sentence reaches {@code minEvidence}), the answer is a refusal that
 * cites nothing and offers the closest passages, labelled as not an answer. Thread-safe.
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
  /** Rank weight of a sentence that names no number or proper noun beyond the question's words. */
  private static final double UNSPECIFIC_DISCOUNT = 0.85;
  /** Rank weight of a sentence without an entity of the expected type. */
  private static final double TYPE_MISSING = 0.7;
  /** Rank weight of a sentence with only a related entity ("26" when a duration is asked for). */
  private static final double TYPE_PARTIAL = 0.85;
  /** Least heading match (0..1, evidence of the heading) for a procedure to answer by section. */
  private static final double SECTION_MATCH_PROCEDURE = 0.55;
  /** Weight of the heading's coverage of the question in a heading match; similarity gets the rest. */
  private static final double SECTION_COVERAGE_WEIGHT = 0.65;
  /** Added to a heading match when a procedure question meets a section of steps. */
  private static final double STEPS_BONUS = 0.1;
  /** Least heading match for any other question without an expected entity. */
  private static final double SECTION_MATCH_OTHER = 0.7;
  /** Most lines after a lead-in that ends with a colon that are cited with it. */
  private static final int LEAD_IN_LINES = 6;
  /** A line that labels a value: a few words, a colon, the value ("London: GBP 220"). */
  private static final Pattern LABELLED_VALUE = Pattern.compile("\\s*[^:.!?]{1,60}:\\s+\\S");
  /** Most further sentences of a list item cited with its first. */
  private static final int LIST_ITEM_SENTENCES = 2;
  /** A sentence that opens with a pronoun referring to the one before it. */
  private static final Pattern POINTS_BACK =
      Pattern.compile("(?:This|These|Those|That|It|They|Such|The same)\\b");
  /** Passages offered with a refusal. */
  private static final int CLOSEST_PASSAGES = 3;
  /** Words apart at which an entity is half as close to the question's words as an adjacent one. */
  private static final double PROXIMITY_HALF_DISTANCE = 4;
  private static final Set<String> FACT_QUESTION_WORDS =
      Set.of("what", "which", "who", "whom", "whose", "when", "where", "how");
  /** A number, or a capitalised word that does not start the sentence: a fact or a name. */
  private static final Pattern SPECIFIC =
      Pattern.compile("\\p{N}[\\p{L}\\p{N}.,:%-]*|(?<=[\\s(\"'])\\p{Lu}[\\p{L}\\p{N}-]*");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019-]*");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
  private static final Pattern THOUSANDS = Pattern.compile("\\b(\\d{1,3})[kK]\\b");
  private static final Pattern MILLIONS = Pattern.compile("\\b(\\d+(?:\\.\\d+)?) ?(?:m|mn|M)\\b");
  private static final Pattern DIGIT = Pattern.compile("\\p{N}");
  /** The number of a numbered section ("3. ", "2.1 "): no value of its own. */
  private static final Pattern SECTION_NUMBER =
      Pattern.compile("^\\p{N}+(?:\\.\\p{N}+)*[.)]?\\s+");
  /** A word written in capitals, as initials are ("ARR", "MFA"). */
  private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,}");
  private static final Pattern NEAR_WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}]+)?");
  /** Fewest letters of a word compared by its embedding: shorter ones embed unreliably. */
  private static final int NEAR_WORD_LENGTH = 3;
  /** Single-word embeddings kept: more than the vocabulary of a large knowledge base's passages. */
  private static final int WORD_VECTORS_CACHED = 20_000;
  /**
   * Words that shape a question but carry none of its content ("how many ... does ... have");
   * they are not evidence that a sentence answers it.
   */
  private static final String QUESTION_WORDS = "how many much what which who whom whose when where"
      + " why do does did done have has had having i me my we us our you your can could should"
      + " would may might must shall get gets got need needs tell know please there here any some"
      + " about big large long often far old soon now"
      // Function words that Lucene's short English stop list keeps, contractions above all.
      + " am is are was were be been being i'm im i've ive i'd can't cant don't dont doesn't"
      + " doesnt didn't didnt isn't isnt aren't arent won't wont wouldn't couldn't shouldn't"
      + " haven't hasn't myself yourself ourselves themselves mean means meant happen happens"
      + " happened";

  private final Embedder embedder;
  private final TermAnalyzer terms;
  private final SentenceSplitter splitter = new SentenceSplitter();
  private final QuestionClassifier classifier = new QuestionClassifier();
  private final EntityRecognizer recognizer = new EntityRecognizer();
  private final Regions regions = new Regions();
  private final TermSynonyms synonyms;
  private final PromptLibrary prompts;
  private final TermWeights weights;
  private final int maxSentences;
  private final int maxSectionSentences;
  private final int chunksConsidered;
  private final double minEvidence;
  private final double minConfidence;
  private final double relativeCutoff;
  private final ConfidenceModel confidenceModel;
  private final Set<String> questionWords;
  private final WordVectors wordVectors;
  private final double nearTermCosine;

  private ExtractiveAnswerer(Builder builder) {
    if (builder.embedder == null || builder.terms == null || builder.prompts == null
        || builder.weights == null) {
      throw new IllegalArgumentException("embedder, terms, weights and prompts are required");
    }
    if (builder.maxSentences < 1) {
      throw new IllegalArgumentException("maxSentences must be >= 1, got " + builder.maxSentences);
    }
    if (builder.maxSectionSentences < 1) {
      throw new IllegalArgumentException(
          "maxSectionSentences must be >= 1, got " + builder.maxSectionSentences);
    }
    if (builder.chunksConsidered < 1) {
      throw new IllegalArgumentException(
          "chunksConsidered must be >= 1, got " + builder.chunksConsidered);
    }
    if (builder.minEvidence < 0 || builder.minEvidence > 1) {
      throw new IllegalArgumentException("minEvidence must be in [0, 1], got " + builder.minEvidence);
    }
    if (builder.minConfidence != null
        && !(builder.minConfidence >= 0 && builder.minConfidence <= 1)) {
      throw new IllegalArgumentException(
          "minConfidence must be in [0, 1], got " + builder.minConfidence);
    }
    if (!(builder.nearTermCosine > 0 && builder.nearTermCosine <= 1)) {
      throw new IllegalArgumentException(
          "nearTermCosine must be in (0, 1], got " + builder.nearTermCosine);
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
    this.maxSectionSentences = builder.maxSectionSentences;
    this.chunksConsidered = builder.chunksConsidered;
    this.minEvidence = builder.minEvidence;
    this.relativeCutoff = builder.relativeCutoff;
    this.confidenceModel = builder.confidenceModel == null ? ConfidenceModel.standard()
        : builder.confidenceModel;
    this.minConfidence = builder.minConfidence == null ? confidenceModel.threshold()
        : builder.minConfidence;
    this.synonyms = new TermSynonyms(terms);
    this.questionWords = Set.copyOf(synonyms.canonical(terms.terms(QUESTION_WORDS)));
    this.nearTermCosine = builder.nearTermCosine;
    this.wordVectors = builder.nearTermCosine >= 1 ? null
        : new WordVectors(builder.embedder, WORD_VECTORS_CACHED);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A sentence of a retrieved chunk, with its offsets in the chunk, its analysed terms (and
   * those of its context: title, headings, previous sentence) and its entities.
   */
  record Candidate(RetrievedChunk source, int chunkRank, TextSpan span, Set<String> terms,
      Set<String> contextTerms, List<Entity> entities, boolean primary) {
    String section() {
      return source.chunk().documentId() + "#" + source.chunk().headingPath();
    }

    int documentOffset() {
      return source.chunk().start() + span.start();
    }
  }

  /**
   * A candidate with its evidence (whether it answers, judged in its context), its citation
   * score (how well it, rather than its neighbours, answers) and its weight for the expected
   * answer type.
   */
  record Scored(Candidate candidate, double evidence, double citationScore, double similarity,
      double ownSimilarity, double coverage, double typeWeight, double typeMatch) {
    /** Orders sentences: the citation score weighted by the answer type. */
    double rankScore() {
      return citationScore * typeWeight;
    }

    /** Like {@link #rankScore()}, with the evidence in place of the citation score. */
    double evidenceRankScore() {
      return evidence * typeWeight;
    }
  }

  /** The question, analysed once. */
  private record Question(String text, AnswerType type, WeightedTerms terms, Set<String> words,
      boolean asksForFact, Map<String, String> wordOf, Set<String> acronyms,
      Set<String> regions, QuestionPhrases phrases) {}

  /** The sentences chosen to answer (or, with a refusal, the closest ones) and the signals. */
  record Decision(List<Candidate> chosen, AnswerSignals signals, List<Scored> ranked) {}

  /**
   * An answer with the signals it was decided on.
   *
   * @param answer the answer or refusal
   * @param signals what the decision was based on
   * @param proposed the answer it would give whatever its confidence (to calibrate the refusal
   *     threshold), or null when no sentence reached the least evidence
   */
  public record Assessed(Answer answer, AnswerSignals signals, Answer proposed) {}

  private static final InstructionDetector INSTRUCTIONS = new InstructionDetector();

  @Override
  public Answer answer(AnswerRequest request) {
    return assess(request).answer();
  }

  /** Answers {@code request} and says on which signals: for evaluation and calibration. */
  public Assessed assess(AnswerRequest request) {
    Decision decision = decide(request.question(), request.chunks());
    Answer proposed = decision.chosen().isEmpty() ? null : cited(decision);
    return new Assessed(decision.signals().confidence() < minConfidence || proposed == null
        ? refusal(decision) : proposed, decision.signals(), proposed);
  }

  private Answer answer(Decision decision) {
    if (decision.chosen().isEmpty() || decision.signals().confidence() < minConfidence) {
      return refusal(decision);
    }
    return cited(decision);
  }

  private Answer cited(Decision decision) {
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder(prompts.template("extractive-answer")).append('\n');
    for (Candidate candidate : decision.chosen()) {
      Citation citation = citation(citations.size() + 1, candidate);
      citations.add(citation);
      // Document text never makes citation markup: its own "[1]" is not a citation.
      text.append(SourceNeutralizer.neutralizeCitationMarkers(candidate.span().text()))
          .append(" [").append(citation.number()).append("]\n");
    }
    return new Answer(text.toString().strip(), citations, false, NAME, prompts.version());
  }

  /** The confidence below which the answer is a refusal. */
  public double minConfidence() {
    return minConfidence;
  }

  /** The evidence below which the answer is a refusal whatever its confidence. */
  public double minEvidence() {
    return minEvidence;
  }

  private Citation citation(int number, Candidate candidate) {
    IndexedChunk chunk = candidate.source().chunk();
    int start = chunk.start() + candidate.span().start();
    int end = chunk.start() + candidate.span().end();
    return new Citation(number, chunk.documentId(), chunk.title(), chunk.path(), chunk.chunkId(),
        start, end, chunk.page(), candidate.span().text(),
        sourceUrl(chunk.documentId(), start, end));
  }

  Decision decide(String questionText, List<RetrievedChunk> chunks) {
    Question question = question(Shorthand.spelledOut(questionText));
    NearTerms near = nearTerms(question, chunks);
    List<Candidate> headingLines = new ArrayList<>();
    List<Candidate> candidates = candidates(chunks, question, near, headingLines);
    if (candidates.isEmpty()) {
      return new Decision(List.of(), AnswerSignals.none(question.type()), List.of());
    }
    // One embedding call: each sentence in context, each sentence alone, and each section
    // heading when the question may be answered by a section.
    double sectionThreshold = question.type() == AnswerType.PROCEDURE ? SECTION_MATCH_PROCEDURE
        : question.type().expectsEntity() ? Double.POSITIVE_INFINITY : SECTION_MATCH_OTHER;
    Map<String, String> headings = new LinkedHashMap<>();
    for (Candidate candidate : sectionThreshold > 1 ? List.<Candidate>of() : candidates) {
      String heading = lastHeading(candidate.source().chunk().headingPath());
      // The document's own title heads the whole document, not a section of it.
      if (candidate.primary() && !heading.isEmpty()
          && !heading.equalsIgnoreCase(candidate.source().chunk().title().strip())) {
        headings.putIfAbsent(candidate.section(), heading);
      }
    }
    List<String> texts = new ArrayList<>(2 * candidates.size() + headings.size());
    candidates.forEach(candidate -> texts.add(inContext(candidate)));
    candidates.forEach(candidate -> texts.add(candidate.span().text()));
    texts.addAll(headings.values());
    float[] questionVector = embedder.embedQuery(questionText);
    List<float[]> vectors = embedder.embedPassages(texts);
    List<Scored> ranked = score(question, candidates, questionVector, vectors);
    if (ranked.isEmpty() || ranked.getFirst().evidence() < minEvidence) {
      return new Decision(List.of(), signals(question, chunks, candidates, ranked, List.of(), false),
          ranked);
    }
    // A section whose heading matches the question answers with its sentences, in order.
    String bestSection = null;
    double bestSectionMatch = 0;
    int h = 2 * candidates.size();
    for (Map.Entry<String, String> heading : headings.entrySet()) {
      double match = sectionMatch(question, candidates, heading.getKey(), heading.getValue(),
          Embedder.cosine(questionVector, vectors.get(h++)), near);
      if (match > bestSectionMatch) {
        bestSectionMatch = match;
        bestSection = heading.getKey();
      }
    }
    if (bestSection != null && bestSectionMatch >= sectionThreshold) {
      String section = bestSection;
      List<Scored> inSection = ranked.stream()
          .filter(s -> s.candidate().section().equals(section)).toList();
      if (!inSection.isEmpty() && inSection.getFirst().evidence() >= minEvidence) {
        List<Candidate> chosen = inSection.stream().map(Scored::candidate)
            .sorted(Comparator.comparingInt(Candidate::documentOffset))
            .limit(maxSectionSentences).toList();
        LOG.debugf("answering from section %s (heading match %.3f)", section, bestSectionMatch);
        return new Decision(chosen, signals(question, chunks, candidates, ranked, inSection, true),
            ranked);
      }
    }
    List<Scored> eligible = ranked.stream().filter(s -> s.evidence() >= minEvidence).toList();
    // The evidence, which sees each sentence with its title and headings, picks the document
    // that answers ("Leeds office" may be named only in the title); the citation score picks
    // which of its sentences to cite first, then the further sentences of any document.
    String answering = eligible.stream()
        .max(Comparator.comparingDouble(Scored::evidenceRankScore)).orElseThrow()
        .candidate().source().chunk().documentId();
    Scored first = eligible.stream()
        .filter(s -> s.candidate().source().chunk().documentId().equals(answering))
        .findFirst().orElseThrow();
    double cutoff = first.rankScore() * relativeCutoff;
    List<Scored> chosenScored = new ArrayList<>();
    chosenScored.add(first);
    for (Scored scored : eligible) {
      if (chosenScored.size() == maxSentences || scored.rankScore() < cutoff) {
        break;
      }
      if (scored != first) {
        chosenScored.add(scored);
      }
    }
    // Read like a passage: documents in order of their best sentence, sentences in document order.
    List<String> documentOrder = chosenScored.stream()
        .map(s -> s.candidate().source().chunk().documentId()).distinct().toList();
    List<Candidate> chosen = completed(chosenScored.stream().map(Scored::candidate).toList(),
        candidates, headingLines).stream()
        .sorted(Comparator.comparingInt((Candidate c) ->
                documentOrder.indexOf(c.source().chunk().documentId()))
            .thenComparingInt(Candidate::documentOffset))
        .toList();
    return new Decision(chosen, signals(question, chunks, candidates, ranked, chosenScored, false),
        ranked);
  }

  /**
   * The chosen sentences with what they need to be read on their own: a lead-in that ends with a
   * colon ("... must be completed within your first 30 days:") with the lines it introduces (up
   * to {@value #LEAD_IN_LINES}: the next line, then further lines while they are list items,
   * table rows or labelled values of its section), the rest of a list item after its first
   * sentence ("- "Login denied ...": you chose the wrong group. Pick LARK-STAFF."), and a
   * sentence that opens with a pronoun pointing back ("This ...", "They ...") with the sentence
   * before it in its paragraph.
   */
  static List<Candidate> completed(List<Candidate> chosen, List<Candidate> candidates) {
    return completed(chosen, candidates, List.of());
  }

  /**
   * Like {@link #completed(List, List)}, and a chosen sentence under a heading that states a
   * value ("Flow 4.4 (8 July 2025)" over "New destination: ClickHouse Cloud") is cited with that
   * heading, one of {@code headingLines}: the sentence does not say which release, quarter or
   * version it belongs to; and a table row with its table's header row, which names its columns.
   */
  static List<Candidate> completed(List<Candidate> chosen, List<Candidate> candidates,
      List<Candidate> headingLines) {
    Set<Candidate> result = new LinkedHashSet<>(chosen);
    for (Candidate candidate : chosen) {
      IndexedChunk chunk = candidate.source().chunk();
      if (TableRows.isRow(chunk.text(), candidate.span().start())) {
        int header = TableRows.headerOf(chunk.text(), candidate.span().start());
        headingLines.stream()
            .filter(h -> h.source().chunk().chunkId().equals(chunk.chunkId())
                && h.span().start() == header)
            .findFirst().ifPresent(result::add);
      }
      String heading = lastHeading(candidate.source().chunk().headingPath());
      if (!heading.isEmpty()) {
        headingLines.stream()
            .filter(h -> h.source().chunk().documentId()
                .equals(candidate.source().chunk().documentId())
                && h.documentOffset() < candidate.documentOffset()
                && h.span().text().strip().equals(heading))
            .max(Comparator.comparingInt(Candidate::documentOffset))
            .ifPresent(result::add);
      }
    }
    for (Candidate candidate : chosen) {
      // Overlapping chunks cite each sentence once, from the first chunk that holds it: the
      // neighbours of a sentence are found in its document, not only in its chunk.
      String document = candidate.source().chunk().documentId();
      List<Candidate> inDocument = candidates.stream()
          .filter(c -> c.source().chunk().documentId().equals(document))
          .sorted(Comparator.comparingInt(Candidate::documentOffset)).toList();
      int at = inDocument.indexOf(candidate);
      String text = candidate.span().text().strip();
      if (text.endsWith(":")) {
        for (int i = at + 1; i < inDocument.size() && i <= at + LEAD_IN_LINES; i++) {
          Candidate next = inDocument.get(i);
          if (between(inDocument.get(i - 1), next) == null
              || next.span().text().strip().endsWith(":")
              // After the first line, only more of a list ends what the lead-in introduces: the
              // paragraph after it, or the next section, is not part of it.
              || (i > at + 1 && (!next.section().equals(candidate.section())
                  || !listLike(next)))) {
            break;
          }
          result.add(next);
        }
      } else if (TitleLikeLines.isListItem(lineOf(candidate))) {
        for (int i = at + 1; i < inDocument.size() && i <= at + LIST_ITEM_SENTENCES; i++) {
          String gap = between(inDocument.get(i - 1), inDocument.get(i));
          if (gap == null || !gap.isBlank() || gap.contains("\n")) {
            break;
          }
          result.add(inDocument.get(i));
        }
      }
      if (at > 0 && POINTS_BACK.matcher(text).lookingAt()) {
        Candidate previous = inDocument.get(at - 1);
        String gap = between(previous, candidate);
        if (gap != null && !gap.contains("\n\n")) {
          result.add(previous);
        }
      }
    }
    return List.copyOf(result);
  }

  /**
   * The document text between the end of {@code a} and the start of {@code b}, read from the
   * chunk of either that holds both; null when neither does (they are not neighbours).
   */
  private static String between(Candidate a, Candidate b) {
    int from = a.source().chunk().start() + a.span().end();
    int to = b.documentOffset();
    for (Candidate holder : List.of(a, b)) {
      IndexedChunk chunk = holder.source().chunk();
      String text = chunk.text();
      if (from >= chunk.start() && to >= from && to - chunk.start() <= text.length()) {
        return text.substring(from - chunk.start(), to - chunk.start());
      }
    }
    return null;
  }

  /**
   * Whether {@code candidate} is on a line of a list: a list item, a table row or a labelled
   * value ("Lisbon and Porto: EUR 160").
   */
  private static boolean listLike(Candidate candidate) {
    String line = lineOf(candidate);
    return TitleLikeLines.isListItem(line) || LABELLED_VALUE.matcher(line).lookingAt()
        || TableRows.isRow(candidate.source().chunk().text(), candidate.span().start());
  }

  /** The chunk line that {@code candidate} starts on, up to the candidate's end. */
  private static String lineOf(Candidate candidate) {
    String text = candidate.source().chunk().text();
    int start = Math.min(candidate.span().start(), text.length());
    int lineStart = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    return text.substring(lineStart, Math.min(candidate.span().end(), text.length()));
  }

  /**
   * How well the heading of {@code section} matches the question: mostly the share of the
   * question's terms it contains, counting only terms that the document's title does not
   * already contain (they do not tell its sections apart), and partly its embedding similarity;
   * a procedure question gains when the section reads as steps (list items, imperatives).
   */
  private double sectionMatch(Question question, List<Candidate> candidates, String section,
      String heading, double cosine, NearTerms near) {
    List<Candidate> inSection = candidates.stream().filter(c -> c.section().equals(section))
        .toList();
    IndexedChunk chunk = inSection.getFirst().source().chunk();
    Set<String> titleTerms = synonyms.canonical(terms.terms(Roles.withAcronyms(chunk.title())));
    List<String> distinctive = question.terms().terms().stream()
        .filter(t -> !titleTerms.contains(t)).toList();
    Map<String, Double> weightOf = new HashMap<>();
    List<String> all = question.terms().terms();
    for (int i = 0; i < all.size(); i++) {
      weightOf.put(all.get(i), question.terms().weight(i));
    }
    WeightedTerms distinctiveTerms = WeightedTerms.of(distinctive,
        term -> weightOf.getOrDefault(term, 1.0));
    double coverage = EVIDENCE.coverage(distinctiveTerms,
        near.expand(synonyms.canonical(terms.terms(Roles.withAcronyms(heading)))));
    double match = SECTION_COVERAGE_WEIGHT * coverage
        + (1 - SECTION_COVERAGE_WEIGHT) * EVIDENCE.similarity(cosine);
    long steps = inSection.stream().filter(c -> TitleLikeLines.isStep(c.span().text())).count();
    if (question.type() == AnswerType.PROCEDURE && steps >= 2) {
      match += STEPS_BONUS;
    }
    LOG.debugf("section %s: heading match %.3f (coverage %.3f, %d steps)", heading, match,
        coverage, steps);
    return match;
  }

  private Question question(String text) {
    Set<String> words = new HashSet<>(
        Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    // "Which provider ...?" asks for a fact; "Can I use ...?" is answered by a rule just as well.
    boolean asksForFact = words.stream().anyMatch(FACT_QUESTION_WORDS::contains);
    // Terms compared by their synonym group, weighted as the question's own word.
    Map<String, String> original = new LinkedHashMap<>();
    for (String term : terms.terms(Roles.withAcronyms(amountsSpelledOut(withoutEmails(text))))) {
      String group = synonyms.canonical(term);
      if (!questionWords.contains(group)) {
        original.putIfAbsent(group, term);
      }
    }
    TermWeights byOriginal = group -> weights.weight(original.getOrDefault(group, group));
    Map<String, String> wordOf = new LinkedHashMap<>();
    Set<String> acronyms = new HashSet<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      String lower = word.group().toLowerCase(Locale.ROOT);
      String term = contentTerm(lower);
      if (term != null && original.containsKey(term)) {
        wordOf.putIfAbsent(term, lower);
        if (ACRONYM.matcher(word.group()).matches()) {
          acronyms.add(lower);
        }
      }
    }
    return new Question(text, classifier.classify(text),
        WeightedTerms.of(original.keySet(), byOriginal), words, asksForFact, Map.copyOf(wordOf),
        Set.copyOf(acronyms), regions.find(text), new QuestionPhrases(text, this::contentTerm));
  }

  private List<Scored> score(Question question, List<Candidate> candidates,
      float[] questionVector, List<float[]> vectors) {
    Set<String> questionTerms = Set.copyOf(question.terms().terms());
    List<Scored> scored = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Candidate candidate = candidates.get(i);
      double typeMatch = typeMatch(question.type(), candidate, questionTerms);
      double typeWeight;
      if (question.type().required() && typeMatch == 0) {
        continue; // "Who is our CFO?" needs a name, "How many ...?" a number
      } else if (question.type().expectsEntity()) {
        typeWeight = typeMatch >= 0.5 ? 0.85 + 0.15 * typeMatch
            : typeMatch > 0 ? TYPE_PARTIAL : TYPE_MISSING;
      } else {
        // Questions that ask what, which, who, when, where or how ask for facts: a sentence that
        // names nothing beyond the question's own words restates it rather than answering it.
        typeWeight = !question.asksForFact()
            || specific(candidate.span().text(), question.words()) ? 1 : UNSPECIFIC_DISCOUNT;
      }
      double cosine = Embedder.cosine(questionVector, vectors.get(i));
      double ownCosine = Embedder.cosine(questionVector, vectors.get(candidates.size() + i));
      Evidence evidence = EVIDENCE.score(question.terms(), candidate.terms(),
          candidate.contextTerms(), cosine);
      // The citation score: the same coverage, with the mean cosine in context and alone.
      Evidence citation = EVIDENCE.score(evidence.coverage(), (cosine + ownCosine) / 2);
      scored.add(new Scored(candidate, evidence.blended(), citation.blended(),
          evidence.similarity(), EVIDENCE.similarity(ownCosine), evidence.coverage(), typeWeight,
          typeMatch));
    }
    scored.sort(Comparator.comparingDouble(Scored::rankScore).reversed()
        .thenComparingInt(s -> s.candidate().chunkRank())
        .thenComparingInt(s -> s.candidate().span().start()));
    if (LOG.isDebugEnabled()) {
      LOG.debugf("question: %s (%s)", question.text(), question.type());
      scored.stream().limit(5).forEach(s -> LOG.debugf("evidence %.3f, citation score %.3f"
          + " (similarity %.3f, alone %.3f, coverage %.3f, type %.2f) %s", s.evidence(),
          s.citationScore(), s.similarity(), s.ownSimilarity(), s.coverage(), s.typeWeight(),
          s.candidate().span().text()));
    }
    return scored;
  }

  /**
   * The regions a sentence is about: those it names, or when it names none, {@code
   * chunkRegions}, those of its chunk's headings and its document's title ("Leeds office guide").
   */
  private Set<String> regionsOf(String sentence, Set<String> chunkRegions) {
    Set<String> own = regions.find(sentence);
    return own.isEmpty() ? chunkRegions : own;
  }

  /**
   * How well {@code candidate} states an answer of {@code type}: for an entity of the type, 0.5
   * to 1 by how close it stands to the question's words; 0.25 for a related entity; 0 without;
   * 1 when the type expects no entity.
   */
  private double typeMatch(AnswerType type, Candidate candidate, Set<String> questionTerms) {
    if (!type.expectsEntity()) {
      return 1;
    }
    List<Integer> questionWordPositions = new ArrayList<>();
    List<int[]> words = new ArrayList<>();
    Matcher m = WORD.matcher(candidate.span().text());
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
      for (String term : terms.terms(m.group())) {
        if (questionTerms.contains(synonyms.canonical(term))) {
          questionWordPositions.add(words.size() - 1);
          break;
        }
      }
    }
    double best = 0;
    for (Entity entity : candidate.entities()) {
      List<String> entityTerms = terms.terms(entity.text());
      if (!entityTerms.isEmpty() && entityTerms.stream()
          .allMatch(t -> questionTerms.contains(synonyms.canonical(t)))) {
        continue; // "Lisbon" does not answer "Where is the Lisbon office?"
      }
      if (type.answeredBy().contains(entity.type())) {
        best = Math.max(best, 0.5 + 0.5 * proximity(entity, words, questionWordPositions));
      } else if (type.partlyAnsweredBy().contains(entity.type())) {
        best = Math.max(best, 0.25);
      }
    }
    return best;
  }

  /** 1 when the entity is next to a question word, falling with the words between them. */
  private static double proximity(Entity entity, List<int[]> words, List<Integer> positions) {
    if (positions.isEmpty()) {
      return 0.3; // the question's words are only in the context (title, headings)
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i)[1] > entity.start() && words.get(i)[0] < entity.end()) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      return 0.3;
    }
    int distance = Integer.MAX_VALUE;
    for (int position : positions) {
      if (position >= first && position <= last) {
        continue; // a question word inside the entity ("phone" in "phone 4357") is no context
      }
      distance = Math.min(distance, position < first ? first - position - 1 : position - last - 1);
    }
    return distance == Integer.MAX_VALUE ? 0.3
        : PROXIMITY_HALF_DISTANCE / (PROXIMITY_HALF_DISTANCE + distance);
  }

  /**
   * The signals of a decision and the confidence that the {@link ConfidenceModel} combines them
   * into: how well the best chosen sentence answers, how much of the question the passages
   * mention at all (a question about something no passage names is not answered by a
   * similar-looking sentence) and the chosen sentences cover, its rarest words above all,
   * whether they state the expected type of answer, how well they support the question on their
   * own, and how clearly the retrieval and the best sentence stand out.
   */
  private AnswerSignals signals(Question question, List<RetrievedChunk> chunks,
      List<Candidate> candidates, List<Scored> ranked, List<Scored> chosen, boolean section) {
    double retrieval = chunks.isEmpty() ? 0 : chunks.getFirst().score();
    double margin = chunks.size() < 2 || retrieval <= 0 ? (retrieval > 0 ? 1 : 0)
        : Math.max(0, (retrieval - chunks.get(1).score()) / retrieval);
    Set<String> passageTerms = new HashSet<>();
    candidates.forEach(c -> {
      passageTerms.addAll(c.terms());
      passageTerms.addAll(c.contextTerms());
    });
    double passageCoverage = tolerantCoverage(question.terms(), passageTerms);
    if (chosen.isEmpty()) {
      double best = ranked.isEmpty() ? 0 : ranked.getFirst().evidence();
      return new AnswerSignals(question.type(), best, passageCoverage, 0, 0, retrieval, margin,
          false, 0, 0, 0, 0, 0);
    }
    Set<String> answerTerms = new HashSet<>();
    Set<String> ownTerms = new HashSet<>();
    Set<String> answerTexts = new LinkedHashSet<>();
    double evidence = 0;
    double typeMatch = 0;
    double ownSimilarity = 0;
    for (Scored scored : chosen) {
      answerTerms.addAll(scored.candidate().terms());
      answerTerms.addAll(scored.candidate().contextTerms());
      ownTerms.addAll(scored.candidate().terms());
      evidence = Math.max(evidence, scored.evidence());
      typeMatch = Math.max(typeMatch, scored.typeMatch());
      ownSimilarity = Math.max(ownSimilarity, scored.ownSimilarity());
      IndexedChunk chunk = scored.candidate().source().chunk();
      answerTexts.add(scored.candidate().span().text());
      answerTexts.add(chunk.title());
      answerTexts.add(lastHeading(chunk.headingPath()));
    }
    double answerCoverage = tolerantCoverage(question.terms(), answerTerms);
    double support = EvidenceScorer.blend(0.5, tolerantCoverage(question.terms(), ownTerms),
        ownSimilarity);
    String answering = chosen.getFirst().candidate().source().chunk().documentId();
    double otherDocument = ranked.stream()
        .filter(s -> !s.candidate().source().chunk().documentId().equals(answering))
        .mapToDouble(Scored::evidence).max().orElse(0);
    double sentenceMargin = Math.max(0, evidence - otherDocument);
    AnswerSignals signals = new AnswerSignals(question.type(), evidence, passageCoverage,
        answerCoverage, typeMatch, retrieval, margin, section, support,
        uncoveredTerm(question.terms(), answerTerms), sentenceMargin,
        question.phrases().coverage(answerTexts), 0);
    return signals.withConfidence(confidenceModel.confidence(signals));
  }

  /**
   * The largest share of {@code query}'s weight held by one term that {@code terms} lacks (a
   * near-miss spelling counts as present): high when the one word that makes the question
   * specific ("gym", "Germany") is missing from the answer, whatever else it covers.
   */
  private static double uncoveredTerm(WeightedTerms query, Set<String> terms) {
    if (query.total() == 0) {
      return 0;
    }
    double largest = 0;
    for (int i = 0; i < query.size(); i++) {
      if (!contains(terms, query.terms().get(i))) {
        largest = Math.max(largest, query.weight(i));
      }
    }
    return largest / query.total();
  }

  /** Whether {@code terms} holds {@code term}, or a term one edit away from a long one. */
  private static boolean contains(Set<String> terms, String term) {
    return terms.contains(term)
        || (term.length() >= 5 && terms.stream().anyMatch(t -> withinOneEdit(term, t)));
  }

  /**
   * The IDF-weighted share of {@code query}'s terms in {@code terms}, a term also counting when
   * {@code terms} holds one spelled one edit away (a typo in the question: "pasword").
   */
  private static double tolerantCoverage(WeightedTerms query, Set<String> terms) {
    if (query.total() == 0) {
      return 0;
    }
    double matched = 0;
    List<String> queryTerms = query.terms();
    for (int i = 0; i < queryTerms.size(); i++) {
      if (contains(terms, queryTerms.get(i))) {
        matched += query.weight(i);
      }
    }
    return matched / query.total();
  }

  /** Whether {@code a} becomes {@code b} by one insertion, deletion, substitution or swap. */
  static boolean withinOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1 || b.length() < 4) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() && i == b.length()) {
      return true;
    }
    if (a.length() == b.length()) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true;
      }
      return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i) && a.substring(i + 2).equals(b.substring(i + 2));
    }
    return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i))
        : a.substring(i).equals(b.substring(i + 1));
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

  private static String lastHeading(String headingPath) {
    int cut = headingPath.lastIndexOf(" > ");
    return (cut < 0 ? headingPath : headingPath.substring(cut + 3)).strip();
  }

  /**
   * {@code text} without the email addresses it holds: an address the asker adds ("Reply to
   * bob@example.com") is how to reach them, not what the documents must say, and as a term no
   * document holds it would weigh as the rarest word of the question.
   */
  static String withoutEmails(String text) {
    StringBuilder out = new StringBuilder(text);
    List<PiiDetector.Span> spans = Detectors.EMAIL.find(text);
    for (int i = spans.size() - 1; i >= 0; i--) {
      out.replace(spans.get(i).start(), spans.get(i).end(), " ");
    }
    return out.toString();
  }

  /**
   * {@code text} with amounts in shorthand written as documents write them: "40k" as "40,000",
   * "1.5m" as "1.5 million".
   */
  static String amountsSpelledOut(String text) {
    String thousands = THOUSANDS.matcher(text).replaceAll("$1,000");
    return MILLIONS.matcher(thousands).replaceAll("$1 million");
  }

  /**
   * The term that {@code word} is analysed to, in its synonym group, when it is a word of at
   * least {@value #NEAR_WORD_LENGTH} letters that carries content; otherwise null.
   */
  private String contentTerm(String word) {
    if (word.length() < NEAR_WORD_LENGTH || !LETTERS.matcher(word).matches()) {
      return null;
    }
    List<String> analysed = terms.terms(word);
    if (analysed.size() != 1) {
      return null;
    }
    String term = synonyms.canonical(analysed.getFirst());
    return questionWords.contains(term) ? null : term;
  }

  /** The passages' words that mean what the question's words mean ({@link NearTerms}). */
  private NearTerms nearTerms(Question question, List<RetrievedChunk> chunks) {
    if (wordVectors == null || question.wordOf().isEmpty()) {
      return NearTerms.NONE;
    }
    List<List<String>> passageWords = new ArrayList<>();
    for (RetrievedChunk retrieved : chunks) {
      IndexedChunk chunk = retrieved.chunk();
      for (String text : List.of(chunk.title(), chunk.headingPath(), chunk.text())) {
        List<String> words = new ArrayList<>();
        // Hyphens split: "multi-factor authentication" reads as three words for initials.
        Matcher word = NEAR_WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
          words.add(word.group());
        }
        passageWords.add(words);
      }
    }
    // Each distinct word is analysed once, stop words (null) included.
    Map<String, String> termOf = new HashMap<>();
    NearTerms near = NearTerms.find(question.wordOf(), question.acronyms(), passageWords, w -> {
      if (!termOf.containsKey(w)) {
        termOf.put(w, contentTerm(w));
      }
      return termOf.get(w);
    }, wordVectors, nearTermCosine);
    LOG.debugf("near terms: %s", near);
    return near;
  }

  /**
   * The candidate sentences of {@code chunks}; headings that state a value (a number, a date)
   * and the header rows of tables are added to {@code headingLines}, to be cited with the
   * sentences and rows below them.
   */
  private List<Candidate> candidates(List<RetrievedChunk> chunks, Question question,
      NearTerms near, List<Candidate> headingLines) {
    List<Candidate> candidates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> questionTerms = Set.copyOf(question.terms().terms());
    for (int rank = 0; rank < chunks.size(); rank++) {
      boolean primary = rank < chunksConsidered;
      if (!primary && !question.type().expectsEntity()) {
        break;
      }
      RetrievedChunk retrieved = chunks.get(rank);
      IndexedChunk chunk = retrieved.chunk();
      Set<String> headings = Set.of(chunk.headingPath().split(" > "));
      Set<String> about = near.expand(synonyms.canonical(
          terms.terms(Roles.withAcronyms(chunk.title() + "\n" + chunk.headingPath()))));
      Set<String> previous = Set.of();
      Set<String> caption = Set.of();
      Set<String> chunkRegions = question.regions().isEmpty() ? Set.of()
          : regions.find(chunk.title() + "\n" + chunk.headingPath());
      for (TextSpan sentence : splitter.split(chunk.text())) {
        String text = sentence.text();
        // Only a line can be a heading or a title: a short sentence after another on its line
        // ("... you chose the wrong group. Pick LARK-STAFF.") belongs to what it follows.
        String before = chunk.text().substring(
            chunk.text().lastIndexOf('\n', Math.max(0, sentence.start() - 1)) + 1,
            sentence.start());
        // A list marker the parser left before the sentence ("4. CLASS OF TRAVEL") is part of
        // its line: the line decides whether it is a heading or an item.
        boolean afterMarker = TitleLikeLines.isListMarker(before);
        boolean startsLine = before.isBlank() || afterMarker;
        String line = afterMarker ? before.strip() + " " + text : text;
        boolean row = startsLine && TableRows.isRow(chunk.text(), sentence.start());
        if (row && TableRows.isHeader(chunk.text(), sentence.start())) {
          // A table's header row names its columns; it is the context of the rows below it and
          // is cited with the row that answers, never alone.
          caption = near.expand(synonyms.canonical(terms.terms(Roles.withAcronyms(text))));
          if (seen.add(chunk.documentId() + "@" + (chunk.start() + sentence.start()))) {
            headingLines.add(new Candidate(retrieved, rank, sentence, Set.of(), Set.of(),
                List.of(), primary));
          }
          continue;
        }
        // A row below the header states values even without a number ("Supplier contracts |
        // Finance Director | CFO").
        if (!row && (startsLine ? TitleLikeLines.isTitleLike(line, chunk.title(), headings)
            : TitleLikeLines.isPageMarker(text))) {
          if (headings.contains(text.strip())
              && DIGIT.matcher(SECTION_NUMBER.matcher(text.strip()).replaceFirst("")).find()
              && seen.add(chunk.documentId() + "@" + (chunk.start() + sentence.start()))) {
            headingLines.add(new Candidate(retrieved, rank, sentence, Set.of(), Set.of(),
                List.of(), primary));
          }
          // Headings and page headers say what a passage is about, not what it states; a caption
          // inside the passage ("UK bands (Leeds)") is the context of the lines below it.
          if (!TitleLikeLines.isPageMarker(text) && !headings.contains(text)) {
            caption = near.expand(synonyms.canonical(terms.terms(Roles.withAcronyms(text))));
          }
          continue;
        }
        if (INSTRUCTIONS.kind(text).filter(InstructionDetector.Kind.ASSISTANT_ADDRESS::equals)
            .isPresent()) {
          continue; // text addressed to an assistant is never an answer
        }
        Set<String> own = near.expand(synonyms.canonical(terms.terms(Roles.withAcronyms(text))));
        Set<String> context = new HashSet<>(about);
        context.addAll(caption);
        context.addAll(previous);
        previous = own;
        List<Entity> entities = recognizer.find(text);
        if (!primary && (own.stream().noneMatch(questionTerms::contains)
            || entities.stream().noneMatch(e -> question.type().answeredBy().contains(e.type())))) {
          continue; // further passages: only sentences stating what is asked for
        }
        if (!question.regions().isEmpty()
            && !Regions.compatible(question.regions(), regionsOf(text, chunkRegions))) {
          continue; // the hotel cap in Leeds does not answer for Lisbon
        }
        // Overlapping chunks repeat sentences: cite each document span once.
        if (seen.add(chunk.documentId() + "@" + (chunk.start() + sentence.start()))) {
          candidates.add(new Candidate(retrieved, rank, sentence, own, context, entities,
              primary));
        }
      }
    }
    return candidates;
  }

  /**
   * The refusal, offering the best sentences of up to {@value #CLOSEST_PASSAGES} documents as
   * closest passages (not an answer: the reader judges them).
   */
  private Answer refusal(Decision decision) {
    List<Citation> closest = new ArrayList<>();
    Set<String> documents = new HashSet<>();
    for (Scored scored : decision.ranked()) {
      if (closest.size() == CLOSEST_PASSAGES) {
        break;
      }
      if (documents.add(scored.candidate().source().chunk().documentId())) {
        closest.add(citation(closest.size() + 1, scored.candidate()));
      }
    }
    return new Answer(prompts.template("refusal"), List.of(), true, NAME, prompts.version(), null,
        null, closest);
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
    private int maxSectionSentences = 8;
    private int chunksConsidered = 5;
    private double minEvidence = 0.3;
    private Double minConfidence;
    private double relativeCutoff = 0.75;
    private double nearTermCosine = 0.82;
    private ConfidenceModel confidenceModel;

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

    /** Most sentences of a section that an answer by section cites. */
    public Builder maxSectionSentences(int maxSectionSentences) {
      this.maxSectionSentences = maxSectionSentences;
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

    /**
     * Least {@linkplain AnswerSignals#confidence() confidence} of an answer; below: refusal.
     * Null (the default): the {@linkplain ConfidenceModel#threshold() confidence model's}.
     */
    public Builder minConfidence(Double minConfidence) {
      this.minConfidence = minConfidence;
      return this;
    }

    /**
     * Least cosine between the single-word embeddings of a question word and a passage word for
     * the passage word to count as the question's ({@link NearTerms}); 1 turns it off.
     */
    public Builder nearTermCosine(double nearTermCosine) {
      this.nearTermCosine = nearTermCosine;
      return this;
    }

    public Builder relativeCutoff(double relativeCutoff) {
      this.relativeCutoff = relativeCutoff;
      return this;
    }

    /** How the signals combine into a confidence; default {@link ConfidenceModel#standard()}. */
    public Builder confidenceModel(ConfidenceModel confidenceModel) {
      this.confidenceModel = confidenceModel;
      return this;
    }

    public ExtractiveAnswerer build() {
      return new ExtractiveAnswerer(this);
    }
  }
}
