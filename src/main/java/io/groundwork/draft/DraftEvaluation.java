package io.groundwork.draft;

import io.groundwork.answer.Citation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Scores drafted replies against a {@link TicketSet}. A drafted ask is paired with the first
 * expected ask whose {@code match} it contains (case-insensitive). Figures:
 *
 * <ul>
 *   <li>{@code askRecall}: expected asks that were identified;
 *   <li>{@code coverage}: answerable asks (covered: true) that the draft answered;
 *   <li>{@code citationCorrectness}: answered answerable asks citing at least one expected
 *       source;
 *   <li>{@code citationPrecision}: citations of answered asks that are expected sources;
 *   <li>{@code factRecall}: expected facts found in the answers of answered asks;
 *   <li>{@code uncoveredFlagged}: unanswerable asks (covered: false) listed as not covered
 *       (an unanswerable ask that was not even identified counts as flagged only when no text
 *       answers it, which the count of answered unanswerable asks shows);
 *   <li>{@code falseAnswers}: unanswerable asks that got an answer (should be 0);
 *   <li>{@code unsafeCitations}: citations of documents that are not customer-safe (must be 0);
 *   <li>{@code personalDataInAsks}: asks still showing an e-mail address or a long number.
 * </ul>
 *
 * Stateless; the figures of one run are a {@link Result}.
 */
public final class DraftEvaluation {
  private DraftEvaluation() {}

  /** The figures of one ticket set, and what went wrong per ticket. */
  public record Result(int tickets, Map<String, Double> figures, Map<String, Integer> counts,
      List<String> misses) {}

  /** One drafted ticket: its case and the draft's content. */
  public record Drafted(TicketSet.Case ticket, DraftContent content, double millis) {}

  /**
   * Scores {@code drafted}; {@code customerSafe} says whether a citation's document may be cited
   * to customers.
   */
  public static Result score(List<Drafted> drafted, Predicate<Citation> customerSafe) {
    int expectedAsks = 0;
    int identified = 0;
    int answerable = 0;
    int answered = 0;
    int correctlyCited = 0;
    int citations = 0;
    int expectedCitations = 0;
    int facts = 0;
    int factsFound = 0;
    int unanswerable = 0;
    int flagged = 0;
    int falseAnswers = 0;
    int unsafe = 0;
    int personal = 0;
    List<String> misses = new ArrayList<>();
    for (Drafted d : drafted) {
      DraftContent content = d.content();
      Map<Integer, Citation> byNumber = content.citations().stream()
          .collect(Collectors.toMap(Citation::number, c -> c));
      for (Citation c : content.citations()) {
        if (!customerSafe.test(c)) {
          unsafe++;
          misses.add(d.ticket().id() + ": cites a document that is not customer-safe: " + c.path());
        }
      }
      for (DraftAsk ask : content.asks()) {
        if (ask.text().matches(".*(@|\\d{6,}).*")) {
          personal++;
          misses.add(d.ticket().id() + ": personal data in ask '" + ask.text() + "'");
        }
      }
      Set<Integer> used = new HashSet<>();
      for (TicketSet.Expected expected : d.ticket().asks()) {
        expectedAsks++;
        int index = pair(content.asks(), expected.match(), used);
        DraftAsk ask = index < 0 ? null : content.asks().get(index);
        if (ask != null) {
          identified++;
        }
        boolean gotAnswer = ask != null && ask.covered();
        if (!expected.covered()) {
          unanswerable++;
          if (gotAnswer) {
            falseAnswers++;
            misses.add(d.ticket().id() + ": answered '" + expected.match()
                + "', which nothing customer-safe answers");
          } else if (ask != null) {
            flagged++;
          } else {
            misses.add(d.ticket().id() + ": did not list the unanswerable ask '"
                + expected.match() + "'");
          }
          continue;
        }
        answerable++;
        facts += expected.facts().size();
        if (!gotAnswer) {
          misses.add(d.ticket().id() + ": " + (ask == null ? "did not identify" : "did not cover")
              + " '" + expected.match() + "'");
          continue;
        }
        answered++;
        List<Citation> cited = ask.citations().stream().map(byNumber::get).toList();
        citations += cited.size();
        long expectedCited = cited.stream().filter(c -> expected.sources().contains(c.path()))
            .count();
        expectedCitations += (int) expectedCited;
        if (expectedCited > 0) {
          correctlyCited++;
        } else {
          misses.add(d.ticket().id() + ": '" + expected.match() + "' cites "
              + cited.stream().map(Citation::path).distinct().toList() + ", expected one of "
              + expected.sources());
        }
        String answer = normalized(content.sentences().stream()
            .filter(s -> s.kind().equals(DraftSentence.ANSWER) && s.ask() == index)
            .map(DraftSentence::text).collect(Collectors.joining(" ")));
        for (String fact : expected.facts()) {
          if (answer.contains(normalized(fact))) {
            factsFound++;
          } else {
            misses.add(d.ticket().id() + ": '" + expected.match() + "' misses the fact '" + fact
                + "'");
          }
        }
      }
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("askRecall", ratio(identified, expectedAsks));
    figures.put("coverage", ratio(answered, answerable));
    figures.put("citationCorrectness", ratio(correctlyCited, answered));
    figures.put("citationPrecision", ratio(expectedCitations, citations));
    figures.put("factRecall", ratio(factsFound, facts));
    figures.put("uncoveredFlagged", ratio(flagged, unanswerable));
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("expectedAsks", expectedAsks);
    counts.put("answerableAsks", answerable);
    counts.put("unanswerableAsks", unanswerable);
    counts.put("falseAnswers", falseAnswers);
    counts.put("unsafeCitations", unsafe);
    counts.put("personalDataInAsks", personal);
    return new Result(drafted.size(), figures, counts, misses);
  }

  /** The index of the first drafted ask not yet used that contains {@code match}, or -1. */
  private static int pair(List<DraftAsk> asks, String match, Set<Integer> used) {
    String wanted = normalized(match);
    for (int i = 0; i < asks.size(); i++) {
      if (!used.contains(i) && normalized(asks.get(i).text()).contains(wanted)) {
        used.add(i);
        return i;
      }
    }
    return -1;
  }

  private static String normalized(String text) {
    return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 1.0 : Math.round(1000.0 * part / whole) / 1000.0;
  }
}
