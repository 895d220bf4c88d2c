package io.groundwork.answer.type;

import java.util.Set;

/**
 * What a question asks for, as {@link QuestionClassifier} recognises it, and which kinds of
 * {@link EntityType entity} in a sentence state such an answer.
 */
public enum AnswerType {
  /** "Who is our CFO?": a person's name; a role alone does not answer. */
  PERSON(Set.of(EntityType.PERSON), Set.of(), true),
  /**
   * "Who approves ...?", "Who did our pen test?": a person, a role holder ("the Finance
   * Director") or an organisation ("Kestrel Offensive Security"); a group of people ("all
   * permanent employees") answers "Who is eligible ...?" less directly.
   */
  ROLE_HOLDER(Set.of(EntityType.PERSON, EntityType.ROLE, EntityType.ORGANISATION),
      Set.of(EntityType.PEOPLE), true),
  /** "How many connectors ...?", "How many quotes ...?": a count of things, not of time. */
  COUNT(Set.of(EntityType.NUMBER), Set.of(), true),
  /**
   * "What's the mileage rate?", "What interest rate ...?": a percentage or an amount per unit
   * ("45p per mile", "8 percent"); a bare number or amount states it less directly.
   */
  RATE(Set.of(EntityType.RATE), Set.of(EntityType.NUMBER, EntityType.MONEY), true),
  /** "What percentage ...?", "minimum length", "maximum size": a number or an amount. */
  NUMBER(Set.of(EntityType.NUMBER, EntityType.MONEY, EntityType.DURATION), Set.of(), false),
  /**
   * "How much does ... cost?", "What's the bonus?": an amount with its currency, or a rate
   * ("8 percent of base salary").
   */
  MONEY(Set.of(EntityType.MONEY, EntityType.RATE), Set.of(EntityType.NUMBER), false),
  /** "How long ...?", "How often ...?": an amount of time. */
  DURATION(Set.of(EntityType.DURATION), Set.of(EntityType.NUMBER, EntityType.DATE_TIME), false),
  /** "When ...?", "What time ...?", "Which days ...?". */
  DATE_TIME(Set.of(EntityType.DATE_TIME), Set.of(EntityType.NUMBER, EntityType.DURATION), false),
  /** "What is the phone number / hotline of ...?". */
  PHONE(Set.of(EntityType.PHONE), Set.of(), true),
  /** "What is the email address / web address of ...?". */
  EMAIL_OR_URL(Set.of(EntityType.EMAIL, EntityType.URL), Set.of(), true),
  /** "Where ...?": a place (an address, a floor, a city, a named location). */
  PLACE(Set.of(EntityType.PLACE), Set.of(EntityType.PERSON), false),
  /** "How do I ...?", "What now?": the steps of a procedure. */
  PROCEDURE(Set.of(), Set.of(), false),
  /** "Can I ...?", "Is ... allowed?": a rule that says yes or no. */
  YES_NO(Set.of(), Set.of(), false),
  /** "What is a purchase order?", "What does SEV1 mean?". */
  DEFINITION(Set.of(), Set.of(), false),
  /** Anything else ("Which group do I choose ...?"): no particular kind of entity. */
  OTHER(Set.of(), Set.of(), false);

  private final Set<EntityType> answeredBy;
  private final Set<EntityType> partlyAnsweredBy;
  private final boolean required;

  AnswerType(Set<EntityType> answeredBy, Set<EntityType> partlyAnsweredBy, boolean required) {
    this.answeredBy = answeredBy;
    this.partlyAnsweredBy = partlyAnsweredBy;
    this.required = required;
  }

  /** Entities that state an answer of this type; empty when no entity is expected. */
  public Set<EntityType> answeredBy() {
    return answeredBy;
  }

  /** Entities that may state it less directly ("26" for "how many weeks"). */
  public Set<EntityType> partlyAnsweredBy() {
    return partlyAnsweredBy;
  }

  /**
   * Whether a sentence without any entity of this type (or a related one) never answers: a
   * count needs a number, a phone question a phone number, a "who" question someone. Amounts,
   * times and places are not required, because "free of charge", "when the contract ends" and
   * "at reception" answer too.
   */
  public boolean required() {
    return required;
  }

  /** Whether an answer of this type is an entity a sentence must contain. */
  public boolean expectsEntity() {
    return !answeredBy.isEmpty();
  }
}
