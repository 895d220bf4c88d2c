package io.groundwork.answer.type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The geographic regions a text names (countries, their nations and major cities, continents and
 * trading blocs), as a hand-made lexicon: each name, short form or demonym ("Germany", "German",
 * "the UK", "Lisbon", "Lisboa") maps to one canonical region, which knows the larger regions it
 * lies in (Lisbon in Portugal, in the EU, in Europe).
 *
 * <p>Company documents state rules per office and per country ("employees in the UK receive 27
 * days"); a question about one place is not answered by a sentence about another. {@link
 * #compatible} tells whether two sets of regions can be about the same place: one names a region
 * that the other names too or lies in ("UK" and "Leeds" are compatible, "Leeds" and "Lisbon" are
 * not, and neither are "Germany" and "UK").
 *
 * <p>Names that are mostly something else in company text are left out ("Reading", "Jordan",
 * "Turkey", "English", "Nice"); "US" counts only in capitals, as "us" is a pronoun. Immutable and
 * thread-safe.
 */
public final class Regions {
  /**
   * One region per line: its canonical name, the larger regions it lies in (after {@code <}),
   * and after {@code =} the further names it goes by. Larger regions come before the regions
   * inside them.
   */
  private static final List<String> LEXICON = List.of(
      "europe = european",
      "eu < europe = european union",
      "eea < europe = european economic area",
      "north america = north american",
      "latin america = south america, central america",
      "asia = asian, apac, asia-pacific, asia pacific",
      "africa = african",
      "middle east",
      "oceania",
      "uk < europe = united kingdom, great britain, britain, british",
      "england < uk, europe",
      "scotland < uk, europe = scottish",
      "wales < uk, europe = welsh",
      "northern ireland < uk, europe",
      "ireland < eu, eea, europe = irish, republic of ireland",
      "portugal < eu, eea, europe = portuguese",
      "spain < eu, eea, europe = spanish",
      "france < eu, eea, europe = french",
      "germany < eu, eea, europe = german, deutschland",
      "netherlands < eu, eea, europe = dutch, holland, the netherlands",
      "belgium < eu, eea, europe = belgian",
      "luxembourg < eu, eea, europe",
      "italy < eu, eea, europe = italian",
      "austria < eu, eea, europe = austrian",
      "switzerland < europe = swiss",
      "denmark < eu, eea, europe = danish",
      "sweden < eu, eea, europe = swedish",
      "finland < eu, eea, europe = finnish",
      "norway < eea, europe = norwegian",
      "iceland < eea, europe = icelandic",
      "poland < eu, eea, europe = polish",
      "czech republic < eu, eea, europe = czechia, czech",
      "hungary < eu, eea, europe = hungarian",
      "romania < eu, eea, europe = romanian",
      "bulgaria < eu, eea, europe = bulgarian",
      "greece < eu, eea, europe = greek",
      "croatia < eu, eea, europe = croatian",
      "estonia < eu, eea, europe = estonian",
      "latvia < eu, eea, europe = latvian",
      "lithuania < eu, eea, europe = lithuanian",
      "ukraine < europe = ukrainian",
      "united states < north america = usa, u.s., u.s.a., united states of america, america,"
          + " american",
      "canada < north america = canadian",
      "mexico < latin america = mexican",
      "brazil < latin america = brazilian",
      "argentina < latin america = argentinian, argentine",
      "india < asia = indian",
      "china < asia = chinese",
      "japan < asia = japanese",
      "singapore < asia = singaporean",
      "south korea < asia = korea, korean",
      "hong kong < asia",
      "israel < middle east = israeli",
      "united arab emirates < middle east = uae, emirati",
      "south africa < africa = south african",
      "nigeria < africa = nigerian",
      "kenya < africa = kenyan",
      "australia < oceania = australian",
      "new zealand < oceania",
      "leeds < england, uk, europe",
      "london < england, uk, europe",
      "manchester < england, uk, europe",
      "birmingham < england, uk, europe",
      "bristol < england, uk, europe",
      "liverpool < england, uk, europe",
      "newcastle < england, uk, europe",
      "sheffield < england, uk, europe",
      "cambridge < england, uk, europe",
      "oxford < england, uk, europe",
      "edinburgh < scotland, uk, europe",
      "glasgow < scotland, uk, europe",
      "cardiff < wales, uk, europe",
      "belfast < northern ireland, uk, europe",
      "dublin < ireland, eu, eea, europe",
      "cork < ireland, eu, eea, europe",
      "lisbon < portugal, eu, eea, europe = lisboa",
      "porto < portugal, eu, eea, europe = oporto",
      "madrid < spain, eu, eea, europe",
      "barcelona < spain, eu, eea, europe",
      "paris < france, eu, eea, europe",
      "lyon < france, eu, eea, europe",
      "berlin < germany, eu, eea, europe",
      "munich < germany, eu, eea, europe = münchen",
      "frankfurt < germany, eu, eea, europe",
      "hamburg < germany, eu, eea, europe",
      "amsterdam < netherlands, eu, eea, europe",
      "rotterdam < netherlands, eu, eea, europe",
      "brussels < belgium, eu, eea, europe",
      "milan < italy, eu, eea, europe = milano",
      "rome < italy, eu, eea, europe",
      "vienna < austria, eu, eea, europe",
      "zurich < switzerland, europe = zürich",
      "geneva < switzerland, europe",
      "copenhagen < denmark, eu, eea, europe",
      "stockholm < sweden, eu, eea, europe",
      "helsinki < finland, eu, eea, europe",
      "oslo < norway, eea, europe",
      "warsaw < poland, eu, eea, europe",
      "krakow < poland, eu, eea, europe = kraków",
      "prague < czech republic, eu, eea, europe",
      "budapest < hungary, eu, eea, europe",
      "bucharest < romania, eu, eea, europe",
      "athens < greece, eu, eea, europe",
      "new york < united states, north america = nyc, new york city",
      "san francisco < united states, north america",
      "boston < united states, north america",
      "chicago < united states, north america",
      "seattle < united states, north america",
      "austin < united states, north america",
      "los angeles < united states, north america",
      "washington < united states, north america",
      "toronto < canada, north america",
      "vancouver < canada, north america",
      "montreal < canada, north america",
      "mexico city < mexico, latin america",
      "sao paulo < brazil, latin america = são paulo",
      "bangalore < india, asia = bengaluru",
      "mumbai < india, asia",
      "delhi < india, asia = new delhi",
      "beijing < china, asia",
      "shanghai < china, asia",
      "tokyo < japan, asia",
      "seoul < south korea, asia",
      "dubai < united arab emirates, middle east",
      "tel aviv < israel, middle east",
      "cape town < south africa, africa",
      "johannesburg < south africa, africa",
      "lagos < nigeria, africa",
      "nairobi < kenya, africa",
      "sydney < australia, oceania",
      "melbourne < australia, oceania",
      "auckland < new zealand, oceania");

  /** Abbreviations that are other words in lower case: matched only as written here. */
  private static final Map<String, String> CASE_SENSITIVE = Map.of("US", "united states");

  private static final Map<String, String> REGION_OF_NAME;
  private static final Map<String, Set<String>> LARGER;
  private static final Pattern NAMES;
  private static final Pattern CASED_NAMES;

  static {
    Map<String, String> regionOf = new HashMap<>();
    Map<String, Set<String>> larger = new HashMap<>();
    for (String line : LEXICON) {
      String[] nameAndAliases = line.split("=", 2);
      String[] regionAndLarger = nameAndAliases[0].split("<", 2);
      String region = regionAndLarger[0].strip();
      Set<String> within = new LinkedHashSet<>();
      if (regionAndLarger.length > 1) {
        for (String parent : regionAndLarger[1].split(",")) {
          String name = parent.strip();
          if (!larger.containsKey(name)) {
            throw new IllegalStateException("region '" + region + "' lies in '" + name
                + "', which is not listed before it");
          }
          within.add(name);
        }
      }
      if (larger.putIfAbsent(region, Set.copyOf(within)) != null) {
        throw new IllegalStateException("region '" + region + "' is listed twice");
      }
      regionOf.put(region, region);
      if (nameAndAliases.length > 1) {
        for (String alias : nameAndAliases[1].split(",")) {
          regionOf.put(alias.strip(), region);
        }
      }
    }
    REGION_OF_NAME = Map.copyOf(regionOf);
    LARGER = Map.copyOf(larger);
    NAMES = alternation(new ArrayList<>(regionOf.keySet()), Pattern.CASE_INSENSITIVE
        | Pattern.UNICODE_CASE);
    CASED_NAMES = alternation(new ArrayList<>(CASE_SENSITIVE.keySet()), 0);
  }

  private static Pattern alternation(List<String> names, int flags) {
    // Longest first, so that "new york city" wins over "new york" and "northern ireland" over
    // "ireland".
    names.sort(Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder()));
    StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}.])(?:");
    for (int i = 0; i < names.size(); i++) {
      regex.append(i == 0 ? "" : "|").append(Pattern.quote(names.get(i)));
    }
    return Pattern.compile(regex.append(")(?![\\p{L}\\p{N}])").toString(), flags);
  }

  /** The canonical regions {@code text} names, in order of first mention. */
  public Set<String> find(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    Set<String> found = new LinkedHashSet<>();
    Matcher names = NAMES.matcher(text);
    while (names.find()) {
      found.add(REGION_OF_NAME.get(names.group().toLowerCase(Locale.ROOT)));
    }
    Matcher cased = CASED_NAMES.matcher(text);
    while (cased.find()) {
      found.add(CASE_SENSITIVE.get(cased.group()));
    }
    return found;
  }

  /**
   * Whether texts naming {@code a} and {@code b} can be about the same place: either names no
   * region, or a region of one is a region of the other or lies in it (either way round).
   */
  public static boolean compatible(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    for (String x : a) {
      for (String y : b) {
        if (x.equals(y) || LARGER.getOrDefault(x, Set.of()).contains(y)
            || LARGER.getOrDefault(y, Set.of()).contains(x)) {
          return true;
        }
      }
    }
    return false;
  }
}
