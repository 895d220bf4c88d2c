package io.groundwork.answer.type;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lexicon of roles and job titles, with the usual acronyms of executive roles, so that "Who is
 * our CFO?" matches "Tomas Ferreira, Chief Financial Officer". Immutable; thread-safe.
 */
public final class Roles {
  /** Words that name a role, as a regular-expression alternation (lower case). */
  static final String ROLE_WORDS = "ceo|cfo|cto|ciso|cio|coo|cpo|cro|cmo|dpo|vp|chief [a-z ]*officer"
      + "|officer|director|head of [a-z ]+|manager|lead|leader|owner|partner|chair|chairman"
      + "|chairwoman|chairperson|president|founder|co-founder|counsel|controller|administrator"
      + "|secretary|treasurer|coordinator|supervisor|warden|first aider|approver|budget holder"
      + "|business partner|representative|champion|steward|auditor|boss";

  /** Acronyms of roles and what they stand for, as the English analyzer would see them. */
  private static final Map<String, String> ACRONYMS = Map.ofEntries(
      Map.entry("ceo", "chief executive officer"),
      Map.entry("cfo", "chief financial officer"),
      Map.entry("cto", "chief technology officer"),
      Map.entry("ciso", "chief information security officer"),
      Map.entry("cio", "chief information officer"),
      Map.entry("coo", "chief operating officer"),
      Map.entry("cpo", "chief people officer"),
      Map.entry("cro", "chief revenue officer"),
      Map.entry("cmo", "chief marketing officer"),
      Map.entry("dpo", "data protection officer"),
      Map.entry("vp", "vice president"),
      Map.entry("hr", "human resources"));

  private static final Pattern ROLE = Pattern.compile(
      "\\b(?:[A-Z]{2,4}(?=\\b)|(?:[Cc]hief|[Vv]ice|[Hh]ead|[Dd]eputy|[Ss]enior)[\\w ]{0,40}?"
          + "(?:[Oo]fficer|[Pp]resident|[Dd]irector|[Cc]ounsel|of [A-Z][\\w]+(?: [A-Z][\\w]+)*)"
          + "|(?:[A-Z][a-z]+ )?(?:[Dd]irector|[Mm]anager|[Ll]ead|[Oo]wner|[Pp]artner|[Cc]ounsel"
          + "|[Cc]ontroller|[Aa]dministrator|[Ss]ecretary|[Tt]reasurer|[Cc]oordinator"
          + "|[Ss]upervisor|[Ww]arden|[Aa]pprover|[Cc]hair(?:man|woman|person)?|[Ff]ounder)s?"
          + "|budget holders?|first aiders?|service desk|(?:HR )?business partners?)\\b");

  private Roles() {}

  /** Role mentions in {@code text}; an all-capital acronym counts only if it is a known role. */
  static List<Entity> find(String text) {
    Matcher m = ROLE.matcher(text);
    List<Entity> found = new java.util.ArrayList<>();
    while (m.find()) {
      String mention = m.group();
      if (mention.matches("[A-Z]{2,4}") && !ACRONYMS.containsKey(mention.toLowerCase(Locale.ROOT))) {
        continue;
      }
      found.add(new Entity(EntityType.ROLE, m.start(), m.end(), mention));
    }
    return found;
  }

  /**
   * {@code text} with each role acronym's expansion after it ("our CFO" -> "our CFO (chief
   * financial officer)") and each expansion's acronym after it, so that term matching sees both.
   */
  public static String withAcronyms(String text) {
    String out = text;
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder extra = new StringBuilder();
    for (Map.Entry<String, String> e : ACRONYMS.entrySet()) {
      if (Pattern.compile("\\b" + e.getKey() + "\\b").matcher(lower).find()) {
        extra.append(' ').append(e.getValue());
      }
      if (lower.contains(e.getValue())) {
        extra.append(' ').append(e.getKey());
      }
    }
    return extra.isEmpty() ? out : out + " (" + extra.toString().strip() + ")";
  }
}
