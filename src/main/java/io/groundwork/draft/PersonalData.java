package io.groundwork.draft;

import java.util.regex.Pattern;

/**
 * Masks personal data that customers paste into tickets (e-mail addresses, phone numbers, card
 * and account numbers, IBANs) before a sentence is searched, shown as an ask or counted as a
 * content gap. Stateless.
 */
public final class PersonalData {
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,4})?\\b");
  /** Runs of 9 or more digits, possibly grouped by spaces or dashes: cards, accounts, phones. */
  private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\d(?:[ -]?\\d){8,}(?![\\p{L}\\p{N}])");

  private PersonalData() {}

  /** {@code text} with personal data replaced by {@code [email]} or {@code [number]}. */
  public static String mask(String text) {
    String masked = EMAIL.matcher(text).replaceAll("[email]");
    masked = IBAN.matcher(masked).replaceAll("[number]");
    return LONG_NUMBER.matcher(masked).replaceAll("[number]");
  }
}
