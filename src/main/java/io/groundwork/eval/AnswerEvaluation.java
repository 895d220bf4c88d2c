package io.groundwork.eval;

import io.groundwork.answer.Answer;
import io.groundwork.answer.Citation;
import io.groundwork.core.Hashes;
import io.groundwork.eval.DevSet.DevQuestion;
import io.groundwork.ingest.SourceFiles;
import io.groundwork.qa.AskResult;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.security.Caller;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs a {@link DevSet} through question answering as each question's user and scores the
 * answers: key-fact rate and right source first over the questions the asker can be answered
 * from, refusal precision and recall (the positive class: questions nothing answers and
 * questions whose documents the asker may not read), leaks (citations of documents the asker
 * may not read, judged by the source's own access rules, not by what the index stored) and the
 * latency of each question. Stateless; {@link #run} asks the questions one at a time, in order.
 */
public final class AnswerEvaluation {
  private static final Pattern MARKER = Pattern.compile("\\[\\d+]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Answers one question for one caller, exactly as the API does. */
  @FunctionalInterface
  public interface Asker {
    AskResult ask(Caller caller, String question);
  }

  /** What a question expects of its answer, given who asks. */
  public enum Kind {
    /** A document the asker may read answers it: the answer must state the key fact. */
    ANSWERABLE,
    /** Nothing in the source answers it: the answer must be a refusal. */
    UNANSWERABLE,
    /**
     * Only documents the asker may not read answer it: a refusal is right; an answer from
     * readable documents is no leak but a missed refusal.
     */
    FORBIDDEN;

    public boolean refusalExpected() {
      return this != ANSWERABLE;
    }
  }

  /**
   * How one question went.
   *
   * @param question the question
   * @param kind what it expects, given who asked
   * @param refused whether the answer is a refusal
   * @param factFound whether the answer text states one of the key facts (false when refused)
   * @param firstSourceRight whether the first citation is one of the expected documents
   * @param firstCitation path of the first citation, or null when nothing is cited
   * @param leaks paths of cited documents the asker may not read
   * @param retrievedLeaks retrieved chunks of documents the asker may not read
   * @param answer the answer text as the user gets it
   * @param answerer which answerer made the answer
   * @param fallback whether the configured language model failed and the fallback answered
   * @param millis wall-clock time of the question, audit record included
   * @param retrieved paths of the first retrieved chunks, best first, for diagnosis
   */
  public record Outcome(DevQuestion question, Kind kind, boolean refused, boolean factFound,
      boolean firstSourceRight, String firstCitation, List<String> leaks, int retrievedLeaks,
      String answer, String answerer, boolean fallback, double millis, List<String> retrieved) {
    public Outcome {
      leaks = List.copyOf(leaks);
      retrieved = List.copyOf(retrieved);
    }

    /** True when this answer is what the question expects (and leaks nothing). */
    public boolean right() {
      if (!leaks.isEmpty()) {
        return false;
      }
      return kind.refusalExpected() ? refused : factFound && firstSourceRight;
    }
  }

  /**
   * The figures of a run.
   *
   * @param questions questions asked
   * @param answerable questions a readable document answers
   * @param unanswerable questions nothing answers
   * @param forbidden questions only documents the asker may not read answer
   * @param keyFacts answerable questions whose answer states the key fact
   * @param rightSourceFirst answerable questions whose first citation is an expected document
   * @param refusalsRight refusals of questions that expect one (true positives)
   * @param refusalsWrong refusals of answerable questions (false positives)
   * @param refusalsMissed answers to questions that expect a refusal (false negatives)
   * @param leaks citations of documents the asker may not read
   * @param retrievedLeaks retrieved chunks of documents the asker may not read
   * @param fallbacks answers made by the fallback because the language model failed
   * @param latencyP50Millis median wall-clock time of a question
   * @param latencyP95Millis 95th percentile (nearest rank)
   */
  public record Figures(int questions, int answerable, int unanswerable, int forbidden,
      int keyFacts, int rightSourceFirst, int refusalsRight, int refusalsWrong,
      int refusalsMissed, int leaks, int retrievedLeaks, int fallbacks, double latencyP50Millis,
      double latencyP95Millis) {

    public double keyFactRate() {
      return ratio(keyFacts, answerable);
    }

    public double rightSourceFirstRate() {
      return ratio(rightSourceFirst, answerable);
    }

    /** Refusals that were right among all refusals; 0 when nothing was refused. */
    public double refusalPrecision() {
      return ratio(refusalsRight, refusalsRight + refusalsWrong);
    }

    /** Questions expecting a refusal that got one; 0 when none expects one. */
    public double refusalRecall() {
      return ratio(refusalsRight, refusalsRight + refusalsMissed);
    }

    /** A figure by its regression name; see {@link AnswerRegressionSpec#METRICS}. */
    public double metric(String name) {
      return switch (name) {
        case "key-fact-rate" -> keyFactRate();
        case "right-source-first" -> rightSourceFirstRate();
        case "refusal-precision" -> refusalPrecision();
        case "refusal-recall" -> refusalRecall();
        case "leaks" -> leaks;
        default -> throw new IllegalArgumentException("unknown metric '" + name + "'");
      };
    }

    private static double ratio(int part, int whole) {
      return whole == 0 ? 0 : (double) part / whole;
    }
  }

  /** The outcome of every question, in set order, and the figures over them. */
  public record Results(List<Outcome> outcomes, Figures figures) {
    public Results {
      outcomes = List.copyOf(outcomes);
    }

    /**
     * Key-fact hits and answerable questions by the first folder of the expected document (hr,
     * it, finance, ...), sorted by folder.
     */
    public Map<String, int[]> keyFactsByArea() {
      Map<String, int[]> byArea = new java.util.TreeMap<>();
      for (Outcome o : outcomes) {
        if (o.kind() == Kind.ANSWERABLE) {
          String path = o.question().documents().getFirst();
          int slash = path.indexOf('/');
          int[] counts = byArea.computeIfAbsent(slash < 0 ? "." : path.substring(0, slash),
              k -> new int[2]);
          counts[0] += o.factFound() ? 1 : 0;
          counts[1]++;
        }
      }
      return byArea;
    }
  }

  private final SourceFiles source;
  private final Function<String, Caller> users;

  /**
   * @param source the source the set is about; its access rules decide who may read what
   * @param users the caller of a built-in user name; throws IllegalArgumentException for an
   *     unknown name
   */
  public AnswerEvaluation(SourceFiles source, Function<String, Caller> users) {
    this.source = source;
    this.users = users;
  }

  /**
   * Checks that every user exists and every expected document is a file of the source, before
   * any question is asked; throws IllegalArgumentException naming the first problem.
   */
  public void check(DevSet set) {
    if (!set.source().equals(source.source().name())) {
      throw new IllegalArgumentException(set.file() + " is about source '" + set.source()
          + "', not '" + source.source().name() + "'");
    }
    Set<String> files = Set.copyOf(source.list());
    for (DevQuestion q : set.questions()) {
      users.apply(q.user());
      for (String document : q.documents()) {
        if (!files.contains(document)) {
          throw new IllegalArgumentException("question '" + q.id() + "': " + document
              + " is not a file of source '" + set.source() + "'");
        }
      }
    }
  }

  /** What {@code question} expects when its user asks it. */
  public Kind kind(DevQuestion question) {
    if (!question.answerable()) {
      return Kind.UNANSWERABLE;
    }
    Caller caller = users.apply(question.user());
    boolean readable = question.documents().stream()
        .anyMatch(path -> readable(caller, source.groupsOf(path)));
    return readable ? Kind.ANSWERABLE : Kind.FORBIDDEN;
  }

  /** Asks every question of {@code set} (after {@link #check}) and scores the answers. */
  public Results run(DevSet set, Asker asker) {
    return run(set.questions(), asker);
  }

  /** Asks {@code questions} in order and scores the answers. */
  public Results run(List<DevQuestion> questions, Asker asker) {
    List<Outcome> outcomes = new ArrayList<>();
    for (DevQuestion question : questions) {
      Caller caller = users.apply(question.user());
      long start = System.nanoTime();
      AskResult result = asker.ask(caller, question.question());
      double millis = (System.nanoTime() - start) / 1e6;
      outcomes.add(score(question, caller, result, millis));
    }
    return new Results(outcomes, figures(outcomes));
  }

  /** Scores one answer. */
  public Outcome score(DevQuestion question, Caller caller, AskResult result, double millis) {
    Kind kind = kind(question);
    Answer answer = result.answer();
    Map<String, RetrievedChunk> byChunk = new LinkedHashMap<>();
    for (RetrievedChunk chunk : result.retrieved()) {
      byChunk.putIfAbsent(chunk.chunk().chunkId(), chunk);
    }
    Set<String> leaks = new LinkedHashSet<>();
    for (Citation citation : answer.citations()) {
      if (!readable(caller, groupsOf(citation, byChunk.get(citation.chunkId())))) {
        leaks.add(citation.path());
      }
    }
    int retrievedLeaks = 0;
    for (RetrievedChunk chunk : result.retrieved()) {
      Set<String> groups = chunk.chunk().documentId().equals(
          Hashes.documentId(source.source().name(), chunk.chunk().path()))
          ? source.groupsOf(chunk.chunk().path()) : chunk.chunk().groups();
      retrievedLeaks += readable(caller, groups) ? 0 : 1;
    }
    String first = answer.citations().isEmpty() ? null : answer.citations().getFirst().path();
    boolean refused = answer.refused();
    boolean factFound = !refused && containsFact(answer.text(), question.facts());
    boolean sourceRight = !refused && first != null && question.documents().contains(first);
    List<String> retrieved = result.retrieved().stream().limit(5)
        .map(c -> c.chunk().path()).toList();
    return new Outcome(question, kind, refused, factFound, sourceRight, first,
        List.copyOf(leaks), retrievedLeaks, answer.text(), answer.answerer(),
        answer.fallbackReason() != null, millis, retrieved);
  }

  private Set<String> groupsOf(Citation citation, RetrievedChunk chunk) {
    if (citation.documentId().equals(Hashes.documentId(source.source().name(), citation.path()))) {
      return source.groupsOf(citation.path());
    }
    // A document of another source (an upload, say): only the index knows its groups; a
    // citation of a chunk that was not even retrieved counts as readable by nobody.
    return chunk == null ? Set.of() : chunk.chunk().groups();
  }

  private static boolean readable(Caller caller, Set<String> groups) {
    return groups.stream().anyMatch(caller::inGroup);
  }

  /** The figures over {@code outcomes}. */
  public static Figures figures(List<Outcome> outcomes) {
    int answerable = 0;
    int unanswerable = 0;
    int forbidden = 0;
    int facts = 0;
    int sources = 0;
    int right = 0;
    int wrong = 0;
    int missed = 0;
    int leaks = 0;
    int retrievedLeaks = 0;
    int fallbacks = 0;
    List<Double> millis = new ArrayList<>();
    for (Outcome o : outcomes) {
      switch (o.kind()) {
        case ANSWERABLE -> answerable++;
        case UNANSWERABLE -> unanswerable++;
        case FORBIDDEN -> forbidden++;
      }
      if (o.kind() == Kind.ANSWERABLE) {
        facts += o.factFound() ? 1 : 0;
        sources += o.firstSourceRight() ? 1 : 0;
        wrong += o.refused() ? 1 : 0;
      } else if (o.refused()) {
        right++;
      } else {
        missed++;
      }
      leaks += o.leaks().size();
      retrievedLeaks += o.retrievedLeaks();
      fallbacks += o.fallback() ? 1 : 0;
      millis.add(o.millis());
    }
    Collections.sort(millis);
    return new Figures(outcomes.size(), answerable, unanswerable, forbidden, facts, sources,
        right, wrong, missed, leaks, retrievedLeaks, fallbacks, percentile(millis, 0.50),
        percentile(millis, 0.95));
  }

  /** Nearest-rank percentile of sorted values; 0 when there are none. */
  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }

  /**
   * True when {@code answer} states one of {@code facts}: compared without citation markers,
   * case, accents' compatibility forms, typographic dashes and quotes, and runs of spaces.
   */
  public static boolean containsFact(String answer, List<String> facts) {
    String text = normalize(MARKER.matcher(answer == null ? "" : answer).replaceAll(" "));
    return facts.stream().anyMatch(fact -> text.contains(normalize(fact)));
  }

  static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replace('\u2013', '-').replace('\u2014', '-').replace('\u2212', '-')
        .replace('\u2018', '\'').replace('\u2019', '\'')
        .replace('\u201c', '"').replace('\u201d', '"');
    return SPACES.matcher(s).replaceAll(" ").strip();
  }
}
