package io.groundwork.answer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shorthand that people type in questions and company documents spell out ("ppl", "pen test",
 * "1:1s", "opex", "FX", "wfh"), as a small hand-made lexicon: {@link #spelledOut} rewrites a
 * question with the documents' spelling so that its words match theirs. Only unambiguous
 * shorthand is listed ("hr" may be hours or human resources and is left alone). Stateless and
 * thread-safe.
 */
final class Shorthand {
  private static final Map<Pattern, String> SPELLED_OUT = new LinkedHashMap<>();

  static {
    spell("ppl", "people");
    spell("pen[ -]?tests?", "penetration test");
    spell("1[:-]1s?|one[ -]on[ -]ones?", "one-to-one");
    spell("opex", "operating expenditure");
    spell("capex", "capital expenditure");
    spell("fx", "foreign exchange");
    spell("wfh", "working from home");
    spell("pto", "paid time off");
    spell("ooo", "out of office");
    spell("mgr", "manager");
    spell("dept", "department");
    spell("info", "information");
    spell("pwd|passwd", "password");
    spell("acct", "account");
    spell("approx", "approximately");
    spell("yrs?", "years");
    spell("mins", "minutes");
    spell("hrs", "hours");
    spell("docs", "documents");
    spell("pls|plz", "please");
  }

  private Shorthand() {}

  private static void spell(String shorthand, String spelledOut) {
    SPELLED_OUT.put(Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:" + shorthand
        + ")(?![\\p{L}\\p{N}])"), spelledOut);
  }

  /** {@code text} with each listed shorthand replaced by its spelled-out form. */
  static String spelledOut(String text) {
    String out = text;
    for (Map.Entry<Pattern, String> e : SPELLED_OUT.entrySet()) {
      out = e.getKey().matcher(out).replaceAll(Matcher.quoteReplacement(e.getValue()));
    }
    return out;
  }
}
