package io.groundwork.answer.type;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies what a question asks for ({@link AnswerType}) by rules over its wording: question
 * words ("who", "when", "how long"), the noun asked about ("phone number", "cost", "address") and
 * the shape of the question ("Can I ...?"). Rules, not a model: no question-classification model
 * ships with the application. The rules are tried in a fixed order, most specific first, so
 * "What is the phone number ...?" is {@link AnswerType#PHONE}, not {@link AnswerType#NUMBER}, and
 * "How many days ...?" is a {@link AnswerType#DURATION}, "How many quotes ...?" a {@link
 * AnswerType#COUNT}. A question that opens with an auxiliary verb ("Do I get paid ...?") asks
 * whether, so it is a {@link AnswerType#YES_NO} whatever nouns it names. Immutable and thread-safe.
 */
public final class QuestionClassifier {
  private static final String UNIT =
      "(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|quarters?)";
  private static final Pattern PHONE = Pattern.compile(
      "\\b(?:phone (?:number|no)|telephone|hotline|helpline|mobile number|extension|number (?:to"
          + "|do i|should i) (?:call|ring|dial)|what number|which number|number to ring)\\b");
  private static final Pattern EMAIL_OR_URL = Pattern.compile(
      "\\b(?:e-?mail address|mail address|address (?:to|do i|should i) (?:email|write|send)"
          + "|email (?:do i|should i) (?:use|send)|url|website|web ?site|web address|web page"
          + "|link to|which site|what site|domain)\\b");
  private static final Pattern DURATION = Pattern.compile(
      "\\b(?:how long|how often|how frequently|how much time|for how many " + UNIT
          + "|how many (?:\\w+ )?" + UNIT + "|how many (?:\\w+ )?(?:working|business|calendar) "
          + UNIT + "|what (?:is the )?(?:notice|retention|probation|cooling-off) period"
          + "|for how long|how soon|how quickly|how promptly|within how many|turnaround time"
          + "|response time)\\b");
  private static final Pattern DATE_TIME = Pattern.compile(
      "^(?:when)\\b|\\b(?:when (?:is|are|was|were|do|does|did|will|can|should|must)|what time"
          + "|what date|which date|which days?|what days?|on which days?|which month|what month"
          + "|what year|which year|by when|deadline|due date|until when|since when|how late"
          + "|how early|opening hours|what hours)\\b");
  private static final Pattern MONEY = Pattern.compile(
      "\\b(?:cost|costs|price|priced|pricing|budget|allowance|salary|salaries|fee|fees|amount"
          + "|bonus|bonuses|commission|stipend"
          + "|spend|spending|refund|reimburs\\w*|pay(?! run)|paid|expenditure|revenue|charge"
          + "|charged|worth|how much money|rate per|limit for (?:meals|hotels?|gifts?))\\b");
  private static final Pattern HOW_MUCH_NOT_MONEY = Pattern.compile(
      "\\bhow much (?:\\w+ )?(?:time|leave|notice|storage|data|space|disk|memory|ram)\\b");
  private static final Pattern COUNT = Pattern.compile(
      "\\bhow many (?!(?:pounds|euros|dollars|gbp|eur|usd|percent)\\b)");
  private static final Pattern RATE = Pattern.compile(
      "\\b(?:rates?(?! per)|what percentage|what percent|which percentage|what proportion"
          + "|what share|how much of (?:my|our|the) (?:salary|pay))\\b");
  private static final Pattern NUMBER = Pattern.compile(
      "\\b(?:how many|how much|minimum|maximum|at least|at most|how big|how large|how high"
          + "|how tall|what number|how old|length|size|limit|threshold|uptime)\\b");
  private static final Pattern PERSON = Pattern.compile(
      "^(?:who(?:'s| is| are| was| were)|whom is) (?:the |our |my |your |a )?"
          + "(?:current |new )?[\\w -]*(?:" + Roles.ROLE_WORDS + ")s?(?: (?:on|in|at) [\\w -]+)?"
          + "(?: now| today)?$"
          + "|\\b(?:name of (?:the |our |my )?[\\w -]*(?:" + Roles.ROLE_WORDS + ")|who leads"
          + "|who runs|who heads|who founded|who owns|who chairs)\\b");
  private static final Pattern ROLE_HOLDER = Pattern.compile(
      "^(?:who|whom|whose)\\b|\\b(?:who (?:do|does|can|should|must|will|needs?|approves?|signs?"
          + "|decides?|is responsible|owns|handles)|whom|which (?:team|person|manager|role|"
          + "department)|contact person|who to (?:ask|contact|call|tell))\\b");
  private static final Pattern PLACE = Pattern.compile(
      "^where\\b|\\b(?:where (?:is|are|do|does|can|should|must|will)|which (?:office|city|"
          + "country|floor|building|room|station|street|location|address)|what (?:is the )?"
          + "address|nearest (?:station|metro|stop|car park)|located|location of)\\b");
  private static final Pattern PROCEDURE = Pattern.compile(
      "^(?:how (?:do|does|can|should|must|would) (?!(?:it|that|this) (?:cost|take)\\b)\\w+"
          + "|how to|steps? (?:to|for))\\b|\\b(?:what (?:should|do|must|can) (?:i|we) do"
          + "|what now|what next|what happens if|what steps|which steps|what is the (?:process"
          + "|procedure)|process for|procedure for|how do i|how to)\\b");
  private static final Pattern YES_NO = Pattern.compile(
      "^(?:can|could|may|am|is|are|do|does|did|should|must|will|would|have|has|shall|was|were)"
          + "\\b");
  private static final Pattern DEFINITION = Pattern.compile(
      "^(?:what(?:'s| is| are) (?:a|an|the meaning of)\\b|what does .+ (?:mean|stand for)"
          + "|define\\b|meaning of\\b)");

  /** The type of answer {@code question} asks for; {@link AnswerType#OTHER} when unsure. */
  public AnswerType classify(String question) {
    if (question == null) {
      throw new IllegalArgumentException("question must not be null");
    }
    String q = question.toLowerCase(Locale.ROOT).replace('\u2019', '\'')
        .replaceAll("[^\\p{L}\\p{N}' +@.-]+", " ").replaceAll("\\s+", " ").strip();
    if (EMAIL_OR_URL.matcher(q).find()) {
      return AnswerType.EMAIL_OR_URL;
    }
    if (PHONE.matcher(q).find()) {
      return AnswerType.PHONE;
    }
    if (PROCEDURE.matcher(q).find() && !DURATION.matcher(q).find()) {
      return AnswerType.PROCEDURE;
    }
    if (PERSON.matcher(q).find()) {
      return AnswerType.PERSON;
    }
    if (ROLE_HOLDER.matcher(q).find()) {
      return AnswerType.ROLE_HOLDER;
    }
    if (YES_NO.matcher(q).find()) {
      return AnswerType.YES_NO; // "do I get paid on jury duty?" asks whether, not how much
    }
    if (DURATION.matcher(q).find()) {
      return AnswerType.DURATION;
    }
    if (COUNT.matcher(q).find()) {
      return AnswerType.COUNT;
    }
    if (RATE.matcher(q).find()) {
      return AnswerType.RATE;
    }
    if (DATE_TIME.matcher(q).find()) {
      return AnswerType.DATE_TIME;
    }
    if (MONEY.matcher(q).find() && !HOW_MUCH_NOT_MONEY.matcher(q).find()) {
      return AnswerType.MONEY;
    }
    if (NUMBER.matcher(q).find()) {
      return AnswerType.NUMBER;
    }
    if (PLACE.matcher(q).find()) {
      return AnswerType.PLACE;
    }
    if (DEFINITION.matcher(q).find()) {
      return AnswerType.DEFINITION;
    }
    return AnswerType.OTHER;
  }
}
