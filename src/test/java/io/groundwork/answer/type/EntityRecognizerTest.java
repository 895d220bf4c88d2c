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
    assertThat(of(EntityType.NUMBER, "The test ran from 28 April to 16 May 2025: 17 findings."))
        .containsExactly("17");
    assertThat(of(EntityType.NUMBER, "Founded in 2014.")).containsExactly("2014");
    assertThat(of(EntityType.NUMBER,
        "Open from 08:00 to 20:00, Monday to Friday, for 1,200 people.")).containsExactly("1,200");
    assertThat(of(EntityType.DURATION, "Employees get 4 learning days and two paid volunteering"
        + " days per year, at most 3 per day.")).containsExactly("4 learning days",
        "two paid volunteering days");
  }

  @Test
  void ratesArePercentagesOrAmountsPerUnit() {
    assertThat(of(EntityType.RATE, "A personal car is reimbursed at 45p per mile, hotels at"
        + " EUR 160 a night, and the bonus target is 8 percent of base salary, or 12% above L5."))
        .containsExactly("45p per mile", "EUR 160 a night", "8 percent", "12%");
    assertThat(of(EntityType.RATE, "The facility of GBP 5 million with HSBC UK is undrawn."))
        .isEmpty();
  }

  @Test
  void organisationsAreNamesBeforeAKindOfOrganisation() {
    assertThat(of(EntityType.ORGANISATION, "Kestrel Offensive Security carried out the test;"
        + " the retainer is with Blackfell Cyber, and The Security team reviews it."))
        .containsExactly("Kestrel Offensive Security", "Blackfell Cyber");
    assertThat(of(EntityType.PERSON, "Kestrel Offensive Security carried out the test.")).isEmpty();
  }

  @Test
  void groupsOfPeople() {
    assertThat(of(EntityType.PEOPLE, "All permanent employees and contractors after probation."))
        .containsExactly("employees", "contractors");
    assertThat(of(EntityType.PEOPLE, "An independent firm carries out the test.")).isEmpty();
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
