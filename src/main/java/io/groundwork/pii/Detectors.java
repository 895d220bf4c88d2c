package io.groundwork.pii;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The built-in detectors, by name. */
public final class Detectors {
  private Detectors() {}

  /** E-mail addresses. */
  public static final PiiDetector EMAIL = new PatternDetector("email", Pattern.compile(
      "(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b"),
      s -> true);

  /**
   * Phone numbers in the shapes people write them: international ({@code +44 20 7946 0958},
   * {@code +1 415-555-0132}), an area code in brackets ({@code (555) 123-4567}), national with a
   * trunk 0 ({@code 020 7946 0958}, {@code 07700 900123}) or North American with dots or dashes
   * ({@code 555.867.5309}); 9 to 15 digits. Other digit groups (dates, versions, IP addresses,
   * account fragments) are not phone numbers.
   */
  public static final PiiDetector PHONE = new PatternDetector("phone", Pattern.compile(
      "(?<![\\w+.-])(?:\\+\\d{1,3}[ .-]?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{1,5}(?:[ .-]\\d{2,6}){1,4}"
          + "|\\(\\d{3,5}\\)[ .-]?\\d{3,4}[ .-]\\d{3,4}"
          + "|0[1-9]\\d{1,4}[ .-]\\d{3,6}(?:[ .-]\\d{3,4})?"
          + "|[2-9]\\d{2}[.-]\\d{3}[.-]\\d{4})(?!\\w|[.-]\\d)"),
      s -> {
        long digits = s.chars().filter(Character::isDigit).count();
        return digits >= 9 && digits <= 15;
      });

  /** IBANs (grouped or not), accepted only when their mod-97 checksum holds. */
  public static final PiiDetector IBAN = new PatternDetector("iban", Pattern.compile(
      "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"), Detectors::ibanValid);

  /** Payment card numbers of 13 to 19 digits, accepted only when their Luhn check holds. */
  public static final PiiDetector CARD = new PatternDetector("card", Pattern.compile(
      "(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])"), Detectors::luhnValid);

  /** UK national insurance numbers ({@code QQ 12 34 56 C}), with HMRC's prefix rules. */
  public static final PiiDetector UK_NINO = new PatternDetector("uk-nino", Pattern.compile(
      "\\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?"
          + "[A-D]\\b"), s -> true);

  /** US social security numbers ({@code 123-45-6789}), without the never-issued ranges. */
  public static final PiiDetector US_SSN = new PatternDetector("us-ssn", Pattern.compile(
      "\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b"), s -> true);

  /** Every built-in detector by its name in {@code groundwork.pii.detectors}. */
  public static final Map<String, PiiDetector> BUILT_IN = Map.of("email", EMAIL, "phone", PHONE,
      "iban", IBAN, "card", CARD, "uk-nino", UK_NINO, "us-ssn", US_SSN);

  /** The order detectors run in: checked numbers before the looser phone pattern. */
  public static final List<String> ORDER = List.of("email", "iban", "card", "uk-nino", "us-ssn",
      "phone");

  /** True when {@code digits} (separators allowed) pass the Luhn check. */
  public static boolean luhnValid(String number) {
    String digits = number.replaceAll("[^0-9]", "");
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** True when {@code iban} (spaces allowed) passes the ISO 13616 mod-97 check. */
  public static boolean ibanValid(String iban) {
    String compact = iban.replace(" ", "");
    if (compact.length() < 15 || compact.length() > 34) {
      return false;
    }
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    StringBuilder numeric = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
