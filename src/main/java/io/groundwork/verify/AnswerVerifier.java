package io.groundwork.verify;

import io.groundwork.answer.Answer;
import io.groundwork.answer.Citation;
import io.groundwork.answer.SourceNeutralizer;
import io.groundwork.text.SentenceSplitter;
import io.groundwork.text.TextSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies an answer sentence by sentence against the passages it cites.
 *
 * <ol>
 *   <li>The answer is split into sentences; citation markers ({@code [2]}, {@code [1][3]},
 *       {@code [1, 3]}) that open a sentence belong to the sentence before it ("... 443. [1] The
 *       ...").
 *   <li>A marker whose number is not one of the answer's citations (a source that was never in
 *       the context) is removed and counted.
 *   <li>Each sentence is scored by the {@link SupportScorer} against the quotes of the citations
 *       it keeps, neutralised by {@link SourceNeutralizer} (instructions planted in a document are
 *       not evidence); a sentence without a valid citation has support 0. A sentence that ends with a
 *       colon and cites nothing is a lead-in, kept as is and not scored.
 *   <li>A sentence below {@code minSupport} is removed ({@link VerifyConfig.Mode#REMOVE}) or kept
 *       with an {@code [unverified]} mark ({@link VerifyConfig.Mode#FLAG}).
 *   <li>If no sentence is supported, the answer becomes the refusal.
 * </ol>
 *
 * The answer keeps only the citations its remaining sentences refer to, with their numbers
 * unchanged. Refusals pass through unverified. Thread-safe when the scorer is.
 */
public final class AnswerVerifier {
  /** Appended to a kept unsupported sentence in {@code flag} mode. */
  public static final String UNVERIFIED_MARK = "[unverified]";
  private static final Pattern MARKER = Pattern.compile("\\[(\\d+(?:\\s*,\\s*\\d+)*)\\]");
  private static final Pattern LEADING_MARKERS =
      Pattern.compile("^(?:\\s*\\[\\d+(?:\\s*,\\s*\\d+)*\\])+");
  /** Sentence end followed by markers: "... spaces. [1] The ..." (BreakIterator keeps it whole). */
  private static final Pattern END_THEN_MARKERS =
      Pattern.compile("[.!?](?:\\s*\\[\\d+(?:\\s*,\\s*\\d+)*\\])+(?=\\s+\\S)");
  private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*\u2022]|\\d+[.)])\\s+");

  private final SupportScorer scorer;
  private final double minSupport;
  private final VerifyConfig.Mode mode;
  private final String refusalText;
  private final SentenceSplitter splitter = new SentenceSplitter();
  private final SourceNeutralizer neutralizer = new SourceNeutralizer();

  public AnswerVerifier(SupportScorer scorer, double minSupport, VerifyConfig.Mode mode,
      String refusalText) {
    if (scorer == null || mode == null) {
      throw new IllegalArgumentException("scorer and mode must not be null");
    }
    if (!(minSupport >= 0 && minSupport <= 1)) {
      throw new IllegalArgumentException("minSupport must be in [0, 1], got " + minSupport);
    }
    if (refusalText == null || refusalText.isBlank()) {
      throw new IllegalArgumentException("refusalText must not be blank");
    }
    this.scorer = scorer;
    this.minSupport = minSupport;
    this.mode = mode;
    this.refusalText = refusalText;
  }

  public double minSupport() {
    return minSupport;
  }

  /** A sentence of the answer: a range of its text, trailing citation markers included. */
  private record Unit(int start, int end) {}

  /** Verifies {@code answer}; see the class comment. */
  public VerifiedAnswer verify(Answer answer) {
    if (answer.refused()) {
      return new VerifiedAnswer(answer, new Verification(scorer.name(), minSupport, modeName(),
          List.of(), 0, 0, 0, 0, false));
    }
    String text = answer.text();
    Map<Integer, Citation> byNumber = new LinkedHashMap<>();
    answer.citations().forEach(c -> byNumber.put(c.number(), c));
    List<Unit> units = units(text);

    List<VerifiedSentence> verdicts = new ArrayList<>();
    String[] replacements = new String[units.size()];
    Set<Integer> keptCitations = new TreeSet<>();
    int invalid = 0;
    int supported = 0;
    int removed = 0;
    int flagged = 0;
    for (int i = 0; i < units.size(); i++) {
      String original = text.substring(units.get(i).start(), units.get(i).end());
      Set<Integer> valid = new LinkedHashSet<>();
      List<Integer> invalidNumbers = new ArrayList<>();
      Matcher m = MARKER.matcher(original);
      while (m.find()) {
        for (String number : m.group(1).split("\\s*,\\s*")) {
          int n = Integer.parseInt(number);
          if (byNumber.containsKey(n)) {
            valid.add(n);
          } else {
            invalidNumbers.add(n);
          }
        }
      }
      invalid += invalidNumbers.size();
      String claim = MARKER.matcher(original).replaceAll(" ").replaceAll("\\s+", " ").strip();
      String scoredClaim = LIST_MARKER.matcher(claim).replaceFirst("");
      if (valid.isEmpty() && invalidNumbers.isEmpty()
          && (claim.endsWith(":") || !scoredClaim.codePoints().anyMatch(Character::isLetterOrDigit))) {
        verdicts.add(new VerifiedSentence(i, claim, List.of(), List.of(), 0, 0, 0, "",
            VerifiedSentence.Status.LEAD_IN));
        replacements[i] = original;
        continue;
      }
      SupportScore score = valid.isEmpty() ? SupportScore.NONE
          : scorer.score(scoredClaim, valid.stream()
              .map(n -> neutralizer.neutralize(byNumber.get(n).quote()).text()).toList());
      VerifiedSentence.Status status;
      if (score.support() >= minSupport && !valid.isEmpty()) {
        status = VerifiedSentence.Status.SUPPORTED;
        supported++;
        replacements[i] = withValidMarkers(original, byNumber.keySet());
        keptCitations.addAll(valid);
      } else if (mode == VerifyConfig.Mode.FLAG) {
        status = VerifiedSentence.Status.FLAGGED;
        flagged++;
        replacements[i] = withValidMarkers(original, byNumber.keySet()) + " " + UNVERIFIED_MARK;
        keptCitations.addAll(valid);
      } else {
        status = VerifiedSentence.Status.REMOVED;
        removed++;
        replacements[i] = "";
      }
      verdicts.add(new VerifiedSentence(i, claim, List.copyOf(valid), invalidNumbers,
          round(score.support()), round(score.lexical()), round(score.semantic()),
          score.evidence(), status));
    }

    boolean refuse = supported == 0;
    Answer result;
    if (refuse) {
      // The sentences that failed verification are the closest passages, never an answer.
      result = new Answer(refusalText, List.of(), true, answer.answerer(), answer.promptVersion(),
          answer.fallbackReason(), answer.notice(), answer.citations());
    } else {
      StringBuilder out = new StringBuilder(text);
      for (int i = units.size() - 1; i >= 0; i--) {
        out.replace(units.get(i).start(), units.get(i).end(), replacements[i]);
      }
      List<Citation> citations = answer.citations().stream()
          .filter(c -> keptCitations.contains(c.number())).toList();
      result = new Answer(tidy(out.toString()), citations, false, answer.answerer(),
          answer.promptVersion(), answer.fallbackReason(), answer.notice());
    }
    result = result.withLlmPiiMasked(answer.llmPiiMasked());
    return new VerifiedAnswer(result, new Verification(scorer.name(), minSupport, modeName(),
        verdicts, supported, removed, flagged, invalid, refuse));
  }

  /** Sentences of {@code text}, each owning the citation markers that follow it. */
  private List<Unit> units(String text) {
    List<Unit> units = new ArrayList<>();
    for (TextSpan span : spans(text)) {
      int start = span.start();
      Matcher leading = LEADING_MARKERS.matcher(span.text());
      if (leading.find() && !units.isEmpty()) {
        Unit previous = units.removeLast();
        units.add(new Unit(previous.start(), span.start() + leading.end()));
        start = span.start() + leading.end();
        while (start < span.end() && Character.isWhitespace(text.charAt(start))) {
          start++;
        }
      }
      if (start < span.end()) {
        units.add(new Unit(start, span.end()));
      }
    }
    return units;
  }

  /** The splitter's sentences, also cut after markers that follow a sentence end. */
  private List<TextSpan> spans(String text) {
    List<TextSpan> spans = new ArrayList<>();
    for (TextSpan span : splitter.split(text)) {
      Matcher m = END_THEN_MARKERS.matcher(span.text());
      int from = 0;
      while (m.find()) {
        TextSpan.addTrimmed(text, span.start() + from, span.start() + m.end(), spans);
        from = m.end();
      }
      TextSpan.addTrimmed(text, span.start() + from, span.end(), spans);
    }
    return spans;
  }

  /** {@code sentence} with the numbers of absent sources taken out of its markers. */
  private static String withValidMarkers(String sentence, Set<Integer> known) {
    Matcher m = MARKER.matcher(sentence);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      List<String> kept = new ArrayList<>();
      for (String number : m.group(1).split("\\s*,\\s*")) {
        if (known.contains(Integer.parseInt(number))) {
          kept.add(number);
        }
      }
      m.appendReplacement(out, kept.isEmpty() ? ""
          : Matcher.quoteReplacement("[" + String.join(", ", kept) + "]"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Removes the gaps that removed sentences and markers leave behind. */
  private static String tidy(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String cleaned = line.replaceAll("[ \\t]{2,}", " ").replaceAll(" +([.,;:!?])", "$1").strip();
      if (!cleaned.isEmpty() || (!lines.isEmpty() && !lines.getLast().isEmpty())) {
        lines.add(cleaned);
      }
    }
    return String.join("\n", lines).strip();
  }

  private String modeName() {
    return mode.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
