package io.groundwork.answer.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRecognizerTest {
  private final EntityRecognizer recognizer = new EntityRecognizer();

  private List<String> of(EntityType type, String text) {
    return recognizer.find(text).stream().filter(e -> e.type() == type).map(Entity::text)
        .toList();
  }

  @Test
  void moneyWithCurrencyCodesAndSigns() {
    assertThat(of(EntityType.MONEY, "Up to GBP 40 per day in the UK or EUR 45 elsewhere."))
        .containsExactly("GBP 40", "EUR 45");
    assertThat(of(EntityType.MONEY, "A budget of £1,200 (€1,400 in Portugal), total GBP 9,750k."))
        .containsExactly("£1,200", "€1,400", "GBP 9,750k");
    assertThat(of(EntityType.MONEY, "It costs 30 euros.")).containsExactly("30 euros");
    assertThat(of(EntityType.MONEY, "Book 3 days ahead.")).isEmpty();
  }

  @Test
  void phoneNumbersButNotAmountsOrDates() {
    assertThat(of(EntityType.PHONE, "External retainer: Blackfell Cyber, hotline +44 20 7946 0319."))
        .containsExactly("+44 20 7946 0319");
    assertThat(of(EntityType.PHONE, "Call 0800 046 1188 or extension 4357."))
        .containsExactly("0800 046 1188", "extension 4357");
    assertThat(of(EntityType.PHONE, "Pay GBP 1,200 by 20 June 2025.")).isEmpty();
  }

  @Test
  void emailAndWebAddresses() {
    String text = "Forward it to phish@larkspur.example or go to https://reset.larkspur.example.";
    assertThat(of(EntityType.EMAIL, text)).containsExactly("phish@larkspur.example");
    assertThat(of(EntityType.URL, text)).contains("https://reset.larkspur.example.");
  }

  @Test
  void durationsAndDates() {
    assertThat(of(EntityType.DURATION, "A final written warning stays live for 18 months."))
        .containsExactly("18 months");
    assertThat(of(EntityType.DURATION, "Sick pay for up to 20 working days, reviewed annually."))
        .containsExactly("20 working days", "annually");
    assertThat(of(EntityType.DATE_TIME, "Fix deadline: 20 June 2025, arrive at 09:30 on Tuesday."))
        .containsExactly("20 June 2025", "09:30", "Tuesday");
  }

  @Test
  void peopleRolesAndPlaces() {
    String team = "Tomas Ferreira, Chief Financial Officer, reports to the CEO in Leeds.";
    assertThat(of(EntityType.PERSON, team)).containsExactly("Tomas Ferreira");
    assertThat(of(EntityType.ROLE, team)).contains("Chief Financial Officer", "CEO");
    assertThat(of(EntityType.PLACE, team)).containsExactly("Leeds");
    assertThat(of(EntityType.PERSON, "Above GBP 50,000: the budget holder, the CFO and the CEO."))
        .isEmpty();
    assertThat(of(EntityType.PLACE, "Go to the assembly point in Bishopgate Street car park."))
        .containsExactly("Bishopgate Street car park");
    assertThat(of(EntityType.PLACE, "The printer is on the 3rd floor.")).containsExactly("3rd floor");
  }

  @Test
  void roleAcronymsExpandBothWays() {
    assertThat(Roles.withAcronyms("Who is our CFO?")).contains("chief financial officer");
    assertThat(Roles.withAcronyms("Tomas Ferreira, Chief Financial Officer")).contains("cfo");
    assertThat(Roles.withAcronyms("No roles here.")).isEqualTo("No roles here.");
  }
}
