package io.groundwork.answer.type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds entities in a sentence by rules: regular expressions for the entities with a written
 * form (money with its currency code or sign, phone numbers, email and web addresses, dates,
 * times, durations, numbers, rates) and lexicons for the others (role titles, groups of people,
 * places, words that are never part of a person's name, words that name a kind of organisation).
 * No named-entity model ships with the application, so a person is recognised as two or three
 * capitalised words none of which is a known non-name word, and an organisation as capitalised
 * words before a word such as "Ltd", "Security" or "Consulting": good for the names in company
 * documents ("Tomas Ferreira", "Priya Raman", "Kestrel Offensive Security"), not a general
 * recogniser.
 * Entities may overlap ("GBP 1,200" is also a number); callers ask for the types they want.
 * Immutable and thread-safe.
 */
public final class EntityRecognizer {
  private static final String MONTHS = "January|February|March|April|May|June|July|August"
      + "|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
  private static final String DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
      + "|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|weekday|weekend|midnight|noon|midday";
  private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
      + "|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|a|an|half a";
  private static final String UNITS = "seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?"
      + "|weeks?|months?|years?|quarters?|fortnights?";
  private static final String MONEY_TEXT =
      "(?:\\b(?:GBP|EUR|USD|CHF|PLN)|[£€$])\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:k|m|bn|million"
          + "|thousand|billion)\\b)?|\\b\\d[\\d,]*(?:\\.\\d+)?\\s?(?:k\\s)?(?:GBP|EUR|USD|pounds"
          + "|euros|dollars|pence)\\b";
  private static final Pattern MONEY = Pattern.compile(MONEY_TEXT);
  /** A percentage, or an amount or number per unit ("45p per mile", "EUR 160 a night"). */
  private static final Pattern RATE = Pattern.compile(
      "(?<![\\w.])\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|percent\\b|per cent\\b)|(?:" + MONEY_TEXT
          + "|(?<![\\w.])\\d[\\d,]*(?:\\.\\d+)?\\s?(?:p|pence)?)\\s?(?:per|a|an|each|/)\\s?"
          + "(?:mile|km|kilometre|hour|day|night|week|month|year|annum|person|head|employee|user"
          + "|seat|member|transaction|invoice)s?\\b");
  /**
   * Up to three capitalised words before a word that names a kind of organisation ("Kestrel
   * Offensive Security", "Blackfell Cyber", "Acme Consulting Ltd").
   */
  private static final Pattern ORGANISATION = Pattern.compile(
      "\\b(?:\\p{Lu}[\\p{L}&'-]*\\s){1,3}(?:Ltd|Limited|LLP|Lda|Inc|plc|PLC|GmbH|AG|BV|Security"
          + "|Cyber|Consulting|Consultants|Partners|Group|Solutions|Systems|Associates|Bank"
          + "|Insurance|Capital|Advisory|Labs|Technologies|Services|Legal|Accountants|Audit)\\b");
  /** Groups of people named by what they are. */
  private static final Pattern PEOPLE = Pattern.compile(
      "(?i)\\b(?:employees?|staff|colleagues?|contractors?|consultants?|engineers?|developers?"
          + "|managers?|agents?|customers?|clients?|users?|members?|everyone|everybody|anyone"
          + "|anybody|nobody|no one|joiners?|starters?|leavers?|interns?|apprentices?|candidates?"
          + "|cardholders?|interviewers?|approvers?|signatories|signatory|team leads?|teams?"
          + "|first aiders?|volunteers?|parents?|carers?|people|person|individuals?|whoever"
          + "|you|yourself)\\b");
  /** Words that start a sentence rather than an organisation's name. */
  private static final Set<String> NOT_ORGANISATION_START = Set.of("the", "a", "an", "this",
      "that", "these", "those", "our", "your", "their", "his", "her", "its", "we", "you", "they",
      "it", "if", "when", "where", "what", "which", "who", "how", "why", "each", "every", "all",
      "any", "no", "for", "from", "to", "in", "on", "at", "by", "with", "after", "before", "and",
      "or", "but", "please", "note", "see", "use", "call", "contact", "ask", "email");
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\w.])(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(0?\\d{1,4}\\)[\\s.-]?)?\\d{2,5}(?:[\\s.-]\\d{2,5})"
          + "{1,4}(?![\\w.-]*\\d)|\\b(?:extension|ext\\.?|tel\\.?|phone|x)\\s?\\d{3,6}\\b");
  private static final Pattern EMAIL = Pattern.compile(
      "\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b");
  private static final Pattern URL = Pattern.compile(
      "\\bhttps?://[^\\s<>\"')\\]]+|\\b(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:example|com"
          + "|org|net|io|co\\.uk|uk|pt|eu|gov|edu)\\b(?:/[^\\s<>\"')\\]]*)?");
  private static final Pattern DURATION = Pattern.compile(
      "\\b(?:\\d+(?:[.,]\\d+)?|" + NUMBER_WORDS + ")(?:\\s?-\\s?|\\s|-)(?:(?!(?:per|a|an|each"
          + "|every|of|in|on|the|and|or|to|for|by)\\s)[a-z][a-z-]*\\s){0,2}(?:" + UNITS
          + ")\\b|\\b(?:" + UNITS + ")\\s\\d+\\s(?:to|-)\\s\\d+\\b|\\bevery\\s(?:\\w+\\s)?(?:" + UNITS
          + "|day|week)\\b"
          + "|\\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|hourly"
          + "|nightly)\\b");
  private static final Pattern DATE_TIME = Pattern.compile(
      "\\b\\d{1,2}(?:st|nd|rd|th)?\\s(?:" + MONTHS + ")\\b(?:\\s\\d{4})?|\\b(?:" + MONTHS
          + ")\\s\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s\\d{4})?|\\b(?:" + MONTHS + ")\\s\\d{4}\\b"
          + "|\\b(?:" + MONTHS + ")\\b(?=\\s(?:and|or|to|-))|\\b\\d{4}-\\d{2}-\\d{2}\\b"
          + "|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b|\\b\\d{1,2}:\\d{2}\\b"
          + "|\\b\\d{1,2}\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)|\\b(?:" + DAYS + ")s?\\b"
          + "|\\b(?:19|20)\\d{2}\\b|\\bQ[1-4]\\b|\\b[Dd]ay\\s\\d{1,2}\\b"
          + "|\\b\\d{1,2}(?:st|nd|rd|th)\\b(?:\\sof\\s(?:the|each)\\smonth)?");
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\w.:])\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?(?:\\s?(?:%|percent|per cent))?|\\b(?:one|two"
          + "|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred"
          + "|thousand|dozen|half|once|twice)\\b");
  private static final Pattern PLACE = Pattern.compile(
      "\\b\\d{1,2}(?:st|nd|rd|th)\\s(?:and\\s\\d{1,2}(?:st|nd|rd|th)\\s)?floors?\\b"
          + "|\\b(?:ground|first|second|third|fourth|fifth|top)[\\s-]floor\\b"
          + "|\\b(?:[A-Z][\\w'-]+\\s){1,3}(?:Street|St|Road|Rd|Square|Avenue|Lane|Park|Station"
          + "|Place|Way|Row|Quay|Gardens|Court|Hall|House|Building|Centre|Center|car park)\\b"
          + "|\\b(?:Rua|Avenida|Praca|Largo|Travessa)\\s(?:d[aoe]s?\\s)?[A-Z][\\w'-]+(?:\\s\\d+)?"
          + "|\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}\\b|\\b\\d{4}-\\d{3}\\b"
          + "|\\b(?:Leeds|London|Lisbon|Lisboa|Manchester|Birmingham|Bristol|Edinburgh|Glasgow"
          + "|Cardiff|Belfast|Dublin|Porto|Madrid|Barcelona|Paris|Berlin|Munich|Amsterdam"
          + "|Brussels|New York|Boston|Toronto|Sydney|Singapore|UK|England|Scotland|Wales"
          + "|Ireland|Portugal|Spain|France|Germany|Europe)\\b"
          + "|\\b(?:reception|front desk|car park|kitchen|canteen|lobby|meeting room|room"
          + "\\s[A-Z0-9][\\w-]*)\\b");
  private static final Pattern CAPITALISED_RUN = Pattern.compile(
      "\\b\\p{Lu}\\p{Ll}+(?:[\\s-]\\p{Lu}\\p{Ll}+){1,2}\\b");
  /**
   * Capitalised words that do not start or belong to a person's name in company documents:
   * months, days, organisation and document words, places, common sentence openers.
   */
  private static final Set<String> NOT_NAME_WORDS = Set.copyOf(java.util.Arrays.asList(("january february march april may june"
      + " july august september october november december monday tuesday wednesday thursday"
      + " friday saturday sunday the a an this that these those our your their his her its we you"
      + " they it if when where what which who how why each every all any no not for from to in"
      + " on at by with after before during until since and or but please note see use call"
      + " policy procedure guide team office department group committee board council company"
      + " services service security analytics cyber ltd llp lda limited inc plc gmbh bank street"
      + " road square park station floor building house centre center room hall desk portal"
      + " microsoft google slack outlook teams windows apple cisco secure client entra jira"
      + " zendesk peoplehub ledgerly flow larkspur api sdk sso vpn mfa it hr finance legal"
      + " support product sales marketing engineering operations people executive chief officer"
      + " director manager head lead owner partner counsel vice president deputy senior"
      + " information technology financial executive revenue operating data protection"
      + " annual review budget holder approval request form report reports level band tier"
      + " standard enterprise starter pro premium business personal public private internal"
      + " external general customer customers new old first last next current leeds london"
      + " lisbon portugal england uk europe christmas easter boxing new year day eve good bank"
      + " holiday holidays spring summer autumn winter open floor version owner classification"
      + " restricted confidential internal public step steps section page appendix table figure"
      + " yes no true false high medium low critical informational severity sev").split(" ")));

  /** Every entity of every type in {@code text}, ordered by start, then type. */
  public List<Entity> find(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    List<Entity> found = new ArrayList<>();
    add(found, EntityType.MONEY, MONEY, text);
    add(found, EntityType.EMAIL, EMAIL, text);
    add(found, EntityType.URL, URL, text);
    List<Entity> phones = new ArrayList<>();
    add(phones, EntityType.PHONE, PHONE, text);
    for (Entity phone : phones) {
      // A phone number has at least 7 digits, or is an extension; not a date or an amount.
      long digits = phone.text().chars().filter(Character::isDigit).count();
      boolean extension = phone.text().matches("(?i)(?:extension|ext\\.?|tel\\.?|phone|x)\\s?\\d+");
      if ((digits >= 7 || extension) && !overlapsType(found, phone, EntityType.MONEY)) {
        found.add(phone);
      }
    }
    add(found, EntityType.DURATION, DURATION, text);
    add(found, EntityType.DATE_TIME, DATE_TIME, text);
    for (Entity number : matches(EntityType.NUMBER, NUMBER, text)) {
      // "16" and "2025" in "16 May 2025" are part of a date, not numbers that answer; a bare
      // year stays a number too.
      if (!overlapsType(found, number, EntityType.PHONE) && !insideLongerDate(found, number)) {
        found.add(number);
      }
    }
    add(found, EntityType.RATE, RATE, text);
    add(found, EntityType.PLACE, PLACE, text);
    for (Entity organisation : matches(EntityType.ORGANISATION, ORGANISATION, text)) {
      String first = organisation.text().split("\\s", 2)[0].toLowerCase(java.util.Locale.ROOT);
      if (!NOT_ORGANISATION_START.contains(first)) {
        found.add(organisation);
      }
    }
    found.addAll(Roles.find(text));
    add(found, EntityType.PEOPLE, PEOPLE, text);
    Matcher m = CAPITALISED_RUN.matcher(text);
    while (m.find()) {
      if (isName(m.group())) {
        found.add(new Entity(EntityType.PERSON, m.start(), m.end(), m.group()));
      }
    }
    found.sort(Comparator.comparingInt(Entity::start).thenComparing(Entity::type));
    return found;
  }

  private static boolean isName(String run) {
    for (String word : run.split("[\\s-]+")) {
      if (NOT_NAME_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT)) || word.length() < 2) {
        return false;
      }
    }
    return true;
  }

  private static boolean insideLongerDate(List<Entity> entities, Entity number) {
    return entities.stream().anyMatch(e -> e.type() == EntityType.DATE_TIME
        && e.start() <= number.start() && number.end() <= e.end()
        && e.end() - e.start() > number.end() - number.start());
  }

  private static boolean overlapsType(List<Entity> entities, Entity entity, EntityType type) {
    return entities.stream().anyMatch(e -> e.type() == type && e.start() < entity.end()
        && entity.start() < e.end());
  }

  private static void add(List<Entity> out, EntityType type, Pattern pattern, String text) {
    out.addAll(matches(type, pattern, text));
  }

  private static List<Entity> matches(EntityType type, Pattern pattern, String text) {
    List<Entity> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (m.end() > m.start()) {
        found.add(new Entity(type, m.start(), m.end(), m.group()));
      }
    }
    return found;
  }
}
