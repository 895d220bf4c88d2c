package io.groundwork.conversation;

import io.groundwork.answer.AnswerListener;
import io.groundwork.answer.Citation;
import io.groundwork.qa.AskRequest;
import io.groundwork.qa.AskResult;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Scores the last turn of every conversation of a {@link ConversationSet}, answered through the
 * product's own path, twice: with the follow-up rewritten from the earlier turns
 * ({@link ConversationalAnswering}), and searched as asked. Each earlier turn is answered first,
 * so that a rewriter that reads answers sees real ones. Every question is audited like any other.
 */
public final class ConversationEvaluation {
  private final ConversationalAnswering conversations;
  private final QuestionAnswering qa;
  private final Function<String, Caller> callers;

  /**
   * @param callers the caller for a case's user name (null for someone in no group)
   */
  public ConversationEvaluation(ConversationalAnswering conversations, QuestionAnswering qa,
      Function<String, Caller> callers) {
    this.conversations = conversations;
    this.qa = qa;
    this.callers = callers;
  }

  /** The last turn of one conversation, answered one way. */
  public record Outcome(String id, boolean rightSourceFirst, boolean fact, boolean refused,
      String searched, String firstCitation, double millis) {}

  /** The figures of one way of answering over the whole set. */
  public record Figures(String mode, int conversations, double rightSourceFirst, double keyFact,
      int refused, double p50Millis, double p95Millis, List<Outcome> outcomes) {}

  /** Scores {@code set} with rewriting, then without. */
  public List<Figures> run(ConversationSet set) {
    List<Outcome> rewritten = new ArrayList<>();
    List<Outcome> asAsked = new ArrayList<>();
    for (ConversationSet.Case c : set.conversations()) {
      Caller caller = callers.apply(c.user());
      List<Turn> history = new ArrayList<>();
      for (String question : c.turns().subList(0, c.turns().size() - 1)) {
        ConversationalAnswering.Reply earlier = conversations.answerAfter(caller, history,
            AskRequest.of(question), AnswerListener.NONE);
        history.add(new Turn(question, earlier.searchQuery(), earlier.result().answer().text()));
      }
      String last = c.turns().get(c.turns().size() - 1);
      long t0 = System.nanoTime();
      ConversationalAnswering.Reply reply = conversations.answerAfter(caller, history,
          AskRequest.of(last), AnswerListener.NONE);
      rewritten.add(outcome(c, reply.result(), reply.searchQuery(), System.nanoTime() - t0));
      long t1 = System.nanoTime();
      AskResult alone = qa.ask(caller, AskRequest.of(last));
      asAsked.add(outcome(c, alone, last, System.nanoTime() - t1));
    }
    return List.of(figures("rewritten", rewritten), figures("as asked", asAsked));
  }

  private static Outcome outcome(ConversationSet.Case c, AskResult result, String searched,
      long nanos) {
    List<Citation> citations = result.answer().citations();
    String first = citations.isEmpty() ? null : citations.get(0).path();
    return new Outcome(c.id(), c.document().equals(first), !result.answer().refused()
        && c.hasFact(result.answer().text()), result.answer().refused(), searched, first,
        nanos / 1e6);
  }

  private static Figures figures(String mode, List<Outcome> outcomes) {
    int n = outcomes.size();
    double[] millis = outcomes.stream().mapToDouble(Outcome::millis).sorted().toArray();
    return new Figures(mode, n,
        n == 0 ? 0 : outcomes.stream().filter(Outcome::rightSourceFirst).count() / (double) n,
        n == 0 ? 0 : outcomes.stream().filter(Outcome::fact).count() / (double) n,
        (int) outcomes.stream().filter(Outcome::refused).count(),
        percentile(millis, 0.50), percentile(millis, 0.95), List.copyOf(outcomes));
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
