package io.groundwork.answer.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuestionClassifierTest {
  private final QuestionClassifier classifier = new QuestionClassifier();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Who is our CFO? | PERSON",
      "who's the ciso | PERSON",
      "who is the fire warden on the 3rd floor in Leeds | PERSON",
      "who are the first aiders in Lisbon | PERSON",
      "Who needs to approve a purchase order of GBP 30,000? | ROLE_HOLDER",
      "Who do I ask about my payslip? | ROLE_HOLDER",
      "How many high-severity issues did this year's penetration test turn up? | COUNT",
      "how many new hires does the Q3 budget fund | COUNT",
      "who did our 2025 pen test | ROLE_HOLDER",
      "what's the interest rate on the credit facility? | RATE",
      "mileage rate for using my own car | RATE",
      "What percentage of base salary is the bonus target? | RATE",
      "How much is the meal rate per day? | MONEY",
      "what's the referral bonus if a friend gets hired | MONEY",
      "do i get paid while on jury duty? | YES_NO",
      "do we pay bug bounties? | YES_NO",
      "how much paid leave do reservists get for training | NUMBER",
      "how do EU customers avoid being charged VAT | PROCEDURE",
      "What's the minimum length for a new password? | NUMBER",
      "How much does the Team tier cost per month? | MONEY",
      "What is the daily limit for meals in the UK? | MONEY",
      "How long does a final written warning stay live? | DURATION",
      "For how many weeks does the birth parent get full salary? | DURATION",
      "How often are laptops replaced? | DURATION",
      "how quickly does security look at a reported phish | DURATION",
      "What is the response time for a P1 ticket? | DURATION",
      "When will API v1 be switched off? | DATE_TIME",
      "What time should I arrive on my first day? | DATE_TIME",
      "On which days of the week are suppliers paid? | DATE_TIME",
      "What's the phone number for the outside firm that helps us with security incidents? | PHONE",
      "What is the hotline of the incident response retainer? | PHONE",
      "What's the email address for reporting phishing from my phone? | EMAIL_OR_URL",
      "Which website do I use to reset my password? | EMAIL_OR_URL",
      "Where is the fire assembly point? | PLACE",
      "Which floor is the IT desk on? | PLACE",
      "I clicked a link in a phishing email and typed my password, what now? | PROCEDURE",
      "how do i connect to the vpn | PROCEDURE",
      "Can I use a USB stick on my laptop? | YES_NO",
      "Am I allowed to bring my dog into the Leeds office? | YES_NO",
      "What is a purchase order? | DEFINITION",
      "Which group do I choose in Cisco Secure Client? | OTHER"})
  void classifiesByWording(String question, AnswerType expected) {
    assertThat(classifier.classify(question)).as(question).isEqualTo(expected);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> classifier.classify(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("question must not be null");
  }

  @Test
  void personAndRoleHolderExpectEntities() {
    assertThat(AnswerType.PERSON.answeredBy()).containsExactly(EntityType.PERSON);
    assertThat(AnswerType.ROLE_HOLDER.answeredBy())
        .containsExactlyInAnyOrder(EntityType.PERSON, EntityType.ROLE, EntityType.ORGANISATION);
    assertThat(AnswerType.PROCEDURE.expectsEntity()).isFalse();
    assertThat(AnswerType.ROLE_HOLDER.partlyAnsweredBy()).containsExactly(EntityType.PEOPLE);
    assertThat(AnswerType.ROLE_HOLDER.required()).isTrue();
    assertThat(AnswerType.MONEY.required()).isFalse();
  }
}
