package io.groundwork.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a line that only names something (a heading, a document title, a running page header or
 * footer such as "Penetration Test Findings Summary - Q2 2025 - Page 1 of 2", a table caption)
 * from a sentence that states something. Such lines say what a passage is about, never what it
 * states, so they are not answer candidates; ingestion may already have removed running headers
 * and footers, this is the answerer's own safety net. A short line that carries a value ("At
 * least 14 characters.", "London: GBP 220") is a statement. Stateless and thread-safe.
 */
final class TitleLikeLines {
  /** Fewer words than this, and no value: a fragment, not a statement. */
  static final int MIN_WORDS = 4;
  /** Longer lines are sentences even without a verb this class knows. */
  private static final int MAX_TITLE_WORDS = 12;
  private static final Pattern PAGE_MARKER =
      Pattern.compile("(?i)\\bpage\\s+\\d+(?:\\s*(?:of|/)\\s*\\d+)?\\b|^\\W*\\d+\\W*$");
  /** The marker of a numbered list item: "1.", "2)", "a)". */
  private static final String NUMBER_MARKER = "\\d{1,2}[.)]|[a-z][.)]";
  /** The marker of a list item: a bullet or a number. */
  private static final String ITEM_MARKER = "[-*\u2022\u00b7\u25aa\u2013]|" + NUMBER_MARKER;
  private static final Pattern LIST_MARKER = Pattern.compile(ITEM_MARKER);
  /** A list item: "- ...", "\u2022 ...", "1. ...", "a) ...". */
  private static final Pattern LIST_ITEM = Pattern.compile("^(?:" + ITEM_MARKER + ")\\s+");
  /** A numbered list item: "1. ...", "2) ...", "a) ...". */
  private static final Pattern NUMBERED_ITEM = Pattern.compile("^(?:" + NUMBER_MARKER + ")\\s+");
  private static final Pattern VALUE = Pattern.compile("\\p{N}|@|https?://|[£€$]");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019.-]*");
  /**
   * Words that make a line a clause: auxiliaries, modals and the verbs that open the steps of a
   * procedure or state a rule in company documents.
   */
  private static final Set<String> VERBS = Set.copyOf(java.util.Arrays.asList(("is are was were be been being am has have"
      + " had do does did can cannot can't could may might must should shall will would need needs"
      + " get gets got use uses used go goes choose select click open enter call send ask check"
      + " make take report change reset contact book submit raise sign restart run install connect"
      + " add remove type follow fill attach email write read keep bring leave visit request wait"
      + " apply applies include includes including contain contains require requires allow allows"
      + " allowed approve approves approved pay pays paid receive receives give gives provide"
      + " provides mean means cover covers start starts end ends stop stops let lets see note"
      + " tell say ensure avoid forward delete don't doesn't isn't aren't won't never always")
      .split(" ")));

  /** Verbs that open questions and statements rather than instructions. */
  private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "be", "been",
      "being", "am", "has", "have", "had", "can", "could", "may", "might", "must", "should",
      "shall", "will", "would", "does", "did", "isn't", "aren't", "won't", "doesn't");

  private TitleLikeLines() {}

  /**
   * Whether {@code line} is a heading, title, page header or footer or another line that states
   * nothing; {@code title} and {@code headings} are those of its document and section.
   */
  static boolean isTitleLike(String line, String title, Set<String> headings) {
    String text = line.strip();
    String normalised = normalise(text);
    if (normalised.isEmpty() || normalised.equals(normalise(title))
        || headings.stream().anyMatch(h -> normalise(h).equals(normalised))) {
      return true;
    }
    java.util.List<String> words = WORD.matcher(text).results().map(r -> r.group()).toList();
    if (words.size() <= MAX_TITLE_WORDS && PAGE_MARKER.matcher(text).find()) {
      return true; // "Page 2 of 7", "... - Page 1 of 2", "- 3 -"
    }
    String item = NUMBERED_ITEM.matcher(text).replaceFirst("");
    if (item.length() < text.length() && isCapitals(item) && !VALUE.matcher(item).find()
        && WORD.matcher(item).results().count() <= MAX_TITLE_WORDS) {
      return true; // "4. CLASS OF TRAVEL": a numbered section heading, not an item
    }
    if (LIST_ITEM.matcher(text).find()) {
      return false; // "- Tomas Ferreira, Chief Financial Officer": an item states something
    }
    boolean hasValue = VALUE.matcher(text).find();
    if (words.size() < MIN_WORDS && !hasValue) {
      return true;
    }
    String titleText = normalise(title);
    if (!titleText.isEmpty() && normalised.startsWith(titleText) && !hasVerb(words)
        && words.size() <= MAX_TITLE_WORDS + titleText.split(" ").length) {
      return true; // the title with a date or a version: a running header
    }
    boolean ends = text.matches("(?s).*[.!?;:)\\]\"']$") || text.contains(": ");
    return !ends && words.size() <= MAX_TITLE_WORDS && !hasVerb(words) && !hasValue;
  }

  /** Whether {@code text} is only the marker of a list item ("4. ", "- "). */
  static boolean isListMarker(String text) {
    return LIST_MARKER.matcher(text.strip()).matches();
  }

  /** Whether {@code line} opens as an item of a list ("- ...", "1. ..."). */
  static boolean isListItem(String line) {
    return LIST_ITEM.matcher(line.strip()).find();
  }

  /**
   * Whether {@code line} reads as a step of a procedure: a numbered item, or a sentence or list
   * item that opens with a verb in the imperative ("Change your password immediately ...",
   * "- Open Company Portal"). A bulleted list of things ("- Leeds file server: nightly") is not
   * a procedure.
   */
  static boolean isStep(String line) {
    String text = line.strip();
    if (NUMBERED_ITEM.matcher(text).find()) {
      return true;
    }
    text = LIST_ITEM.matcher(text).replaceFirst("");
    java.util.regex.Matcher first = WORD.matcher(text);
    return first.find() && first.start() == 0 && Character.isUpperCase(text.charAt(0))
        && VERBS.contains(first.group().toLowerCase(Locale.ROOT))
        && !AUXILIARIES.contains(first.group().toLowerCase(Locale.ROOT));
  }

  /** Whether {@code line} is a running page header or footer ("Page 2 of 7"). */
  static boolean isPageMarker(String line) {
    return PAGE_MARKER.matcher(line).find()
        && WORD.matcher(line).results().count() <= MAX_TITLE_WORDS;
  }

  /** Whether {@code text} has letters and every one of them is a capital. */
  private static boolean isCapitals(String text) {
    return text.chars().anyMatch(Character::isLetter)
        && text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }

  private static boolean hasVerb(java.util.List<String> words) {
    for (String word : words) {
      String lower = word.toLowerCase(Locale.ROOT);
      if (VERBS.contains(lower)) {
        return true;
      }
    }
    return false;
  }

  private static String normalise(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
