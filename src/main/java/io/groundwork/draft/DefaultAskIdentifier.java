package io.groundwork.draft;

import io.groundwork.text.SentenceSplitter;
import io.groundwork.text.TermAnalyzer;
import io.groundwork.text.TextSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The default {@link AskIdentifier}, needing no language model: each sentence of the ticket body
 * (line by line, so that numbered lists split) that is a question or a request is an ask;
 * greetings, thanks, complaints and signatures are not. A question ends with a question mark or
 * opens with a question word ("how do I ...", "can you ..."); a request contains a request
 * phrase ("please send ...", "I would like ...", "I need ..."); a reported problem ("I cannot
 * sign in", "we were charged twice") asks for help too. When the body asks
 * nothing the subject is the ask, if it says something. Repeated asks (the same content terms)
 * are kept once. An ask of few content words is searched together with the subject, which
 * usually names what it is about. Personal data is masked ({@link PersonalData}). Thread-safe.
 */
public final class DefaultAskIdentifier implements AskIdentifier {
  private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*\u2022>]+|\\(?\\d+[.):])\\s*");
  private static final Pattern QUESTION_START = Pattern.compile(
      "^(?:how|what|when|where|which|who|why|is|are|can|could|do|does|will|would|should"
      + "|may)\\s.*");
  private static final Pattern REQUEST = Pattern.compile(
      "(?:^|\\b)(?:please|pls|kindly|i need|we need|i want|we want|i would like|we would like"
      + "|i'd like|we'd like|i wish to|we wish to|i am looking for|we are looking for"
      + "|i'm looking for|help me|tell me|let me know|let us know|explain|confirm|advise"
      + "|i would appreciate|we would appreciate)\\b.*");
  /** A problem the customer reports, which a reply must address ("I cannot sign in"). */
  private static final Pattern PROBLEM = Pattern.compile(
      "\\b(?:can't|cannot|can not|unable to|not able to|doesn't work|does not work|not working"
      + "|locked out|keeps failing|stopped working|was charged|were charged|been charged"
      + "|charged twice|double charged)\\b");
  /** Openings of sentences that carry no ask even when they contain a request word. */
  private static final Pattern NOT_AN_ASK = Pattern.compile(
      "^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you|many thanks"
      + "|cheers|regards|kind regards|best regards|best|sincerely|sent from)\\b.*");
  /** Fewer content terms than this: the subject is searched with the ask. */
  private static final int SHORT_ASK_TERMS = 4;
  private static final int MIN_WORDS = 3;

  private final SentenceSplitter splitter = new SentenceSplitter();
  private final TermAnalyzer terms = new TermAnalyzer();

  @Override
  public List<Ask> identify(Ticket ticket) {
    String subject = PersonalData.mask(ticket.subject());
    List<Ask> asks = new ArrayList<>();
    Set<Set<String>> seen = new HashSet<>();
    for (String line : ticket.body().split("\\R")) {
      String cleaned = LIST_MARKER.matcher(line).replaceFirst("").strip();
      if (cleaned.isEmpty()) {
        continue;
      }
      for (TextSpan span : splitter.split(cleaned)) {
        String sentence = PersonalData.mask(span.text().strip());
        if (isAsk(sentence)) {
          add(asks, seen, sentence, subject);
        }
      }
    }
    if (asks.isEmpty() && terms.terms(subject).size() >= 2) {
      add(asks, seen, subject, "");
    }
    return asks;
  }

  private void add(List<Ask> asks, Set<Set<String>> seen, String sentence, String subject) {
    Set<String> content = new HashSet<>(terms.terms(sentence));
    if (content.isEmpty() || !seen.add(content)) {
      return;
    }
    String query = content.size() < SHORT_ASK_TERMS && !subject.isBlank()
        && !sentence.toLowerCase(Locale.ROOT).contains(subject.toLowerCase(Locale.ROOT))
        ? sentence + " (" + subject + ")" : sentence;
    asks.add(new Ask(sentence, query));
  }

  /** Whether {@code sentence} asks a question or makes a request. */
  static boolean isAsk(String sentence) {
    String lower = sentence.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    if (sentence.split("\\s+").length < MIN_WORDS || NOT_AN_ASK.matcher(lower).matches()) {
      return false;
    }
    return lower.endsWith("?") || QUESTION_START.matcher(lower).matches()
        || REQUEST.matcher(lower).find() || PROBLEM.matcher(lower).find();
  }
}
