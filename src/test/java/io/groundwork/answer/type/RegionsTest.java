package io.groundwork.answer.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionsTest {
  private static final long SEED = 20261206L;
  private final Regions regions = new Regions();

  @Test
  void findsNamesShortFormsAndDemonymsAsOneRegionEach() {
    assertThat(regions.find("hotel cap per night in lisbon")).containsExactly("lisbon");
    assertThat(regions.find("Leeds and other UK cities: GBP 130")).containsExactly("leeds", "uk");
    assertThat(regions.find("German employees; Deutschland")).containsExactly("germany");
    assertThat(regions.find("Lisboa, Portuguese law and the United Kingdom"))
        .containsExactly("lisbon", "portugal", "uk");
    // The longest name wins: Northern Ireland is not Ireland, New York City is New York.
    assertThat(regions.find("offices in Northern Ireland and New York City"))
        .containsExactly("northern ireland", "new york");
  }

  @Test
  void usCountsOnlyInCapitalsAndPartsOfWordsNeverCount() {
    assertThat(regions.find("let us know")).isEmpty();
    assertThat(regions.find("US employees")).containsExactly("united states");
    assertThat(regions.find("Ukraine")).containsExactly("ukraine");
    assertThat(regions.find("Parisian cafe, Leedsish, bruk")).isEmpty();
    assertThat(regions.find("")).isEmpty();
    assertThatThrownBy(() -> regions.find(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text must not be null");
  }

  @Test
  void aRegionIsCompatibleWithTheRegionsItLiesInButNotWithItsNeighbours() {
    assertThat(Regions.compatible(regions.find("Leeds"), regions.find("UK"))).isTrue();
    assertThat(Regions.compatible(regions.find("the UK"), regions.find("Leeds"))).isTrue();
    assertThat(Regions.compatible(regions.find("Lisbon"), regions.find("EU"))).isTrue();
    assertThat(Regions.compatible(regions.find("Leeds"), regions.find("Lisbon"))).isFalse();
    assertThat(Regions.compatible(regions.find("Leeds"), regions.find("London"))).isFalse();
    assertThat(Regions.compatible(regions.find("Germany"), regions.find("UK and Portugal")))
        .isFalse();
    assertThat(Regions.compatible(regions.find("UK"), regions.find("EU"))).isFalse();
    // A text that names no region may be about any.
    assertThat(Regions.compatible(Set.of(), regions.find("Lisbon"))).isTrue();
    assertThat(Regions.compatible(regions.find("Lisbon"), Set.of())).isTrue();
  }

  @Test
  void compatibilityIsSymmetricAndReflexiveOverRandomPairs() {
    List<String> names = new ArrayList<>(List.of("Leeds", "London", "UK", "England", "Lisbon",
        "Porto", "Portugal", "EU", "Europe", "Germany", "Berlin", "US", "New York", "Canada",
        "Dublin", "Ireland", "Northern Ireland", "Singapore", "Asia"));
    Random random = new Random(SEED);
    for (int i = 0; i < 500; i++) {
      Collections.shuffle(names, random);
      Set<String> a = regions.find(String.join(" ", names.subList(0, 1 + random.nextInt(2))));
      Set<String> b = regions.find(String.join(" ", names.subList(3, 4 + random.nextInt(2))));
      assertThat(Regions.compatible(a, b)).as("%s vs %s", a, b)
          .isEqualTo(Regions.compatible(b, a));
      assertThat(Regions.compatible(a, a)).isTrue();
    }
  }
}
