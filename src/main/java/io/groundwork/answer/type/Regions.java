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
   * One region per line: its canonical name, the regions it lies in directly (after {@code <}:
   * Lisbon in Portugal, Portugal in the EU and the EEA; the regions those lie in follow), and
   * after {@code =} the further names it goes by. Larger regions come before the regions inside
   * them.
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
      "england < uk",
      "scotland < uk = scottish",
      "wales < uk = welsh",
      "northern ireland < uk",
      "ireland < eu, eea = irish, republic of ireland",
      "portugal < eu, eea = portuguese",
      "spain < eu, eea = spanish",
      "france < eu, eea = french",
      "germany < eu, eea = german, deutschland",
      "netherlands < eu, eea = dutch, holland, the netherlands",
      "belgium < eu, eea = belgian",
      "luxembourg < eu, eea",
      "italy < eu, eea = italian",
      "austria < eu, eea = austrian",
      "switzerland < europe = swiss",
      "denmark < eu, eea = danish",
      "sweden < eu, eea = swedish",
      "finland < eu, eea = finnish",
      "norway < eea = norwegian",
      "iceland < eea = icelandic",
      "poland < eu, eea = polish",
      "czech republic < eu, eea = czechia, czech",
      "hungary < eu, eea = hungarian",
      "romania < eu, eea = romanian",
      "bulgaria < eu, eea = bulgarian",
      "greece < eu, eea = greek",
      "croatia < eu, eea = croatian",
      "estonia < eu, eea = estonian",
      "latvia < eu, eea = latvian",
      "lithuania < eu, eea = lithuanian",
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
      "leeds < england",
      "london < england",
      "manchester < england",
      "birmingham < england",
      "bristol < england",
      "liverpool < england",
      "newcastle < england",
      "sheffield < england",
      "cambridge < england",
      "oxford < england",
      "edinburgh < scotland",
      "glasgow < scotland",
      "cardiff < wales",
      "belfast < northern ireland",
      "dublin < ireland",
      "cork < ireland",
      "lisbon < portugal = lisboa",
      "porto < portugal = oporto",
      "madrid < spain",
      "barcelona < spain",
      "paris < france",
      "lyon < france",
      "berlin < germany",
      "munich < germany = münchen",
      "frankfurt < germany",
      "hamburg < germany",
      "amsterdam < netherlands",
      "rotterdam < netherlands",
      "brussels < belgium",
      "milan < italy = milano",
      "rome < italy",
      "vienna < austria",
      "zurich < switzerland = zürich",
      "geneva < switzerland",
      "copenhagen < denmark",
      "stockholm < sweden",
      "helsinki < finland",
      "oslo < norway",
      "warsaw < poland",
      "krakow < poland = kraków",
      "prague < czech republic",
      "budapest < hungary",
      "bucharest < romania",
      "athens < greece",
      "new york < united states = nyc, new york city",
      "san francisco < united states",
      "boston < united states",
      "chicago < united states",
      "seattle < united states",
      "austin < united states",
      "los angeles < united states",
      "washington < united states",
      "toronto < canada",
      "vancouver < canada",
      "montreal < canada",
      "mexico city < mexico",
      "sao paulo < brazil = são paulo",
      "bangalore < india = bengaluru",
      "mumbai < india",
      "delhi < india = new delhi",
      "beijing < china",
      "shanghai < china",
      "tokyo < japan",
      "seoul < south korea",
      "dubai < united arab emirates",
      "tel aviv < israel",
      "cape town < south africa",
      "johannesburg < south africa",
      "lagos < nigeria",
      "nairobi < kenya",
      "sydney < australia",
      "melbourne < australia",
      "auckland < new zealand");

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
          within.addAll(larger.get(name));
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
