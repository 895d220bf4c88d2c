package io.groundwork.answer.type;

import java.util.Set;

/**
 * What a question asks for, as {@link QuestionClassifier} recognises it, and which kinds of
 * {@link EntityType entity} in a sentence state such an answer.
 */
public enum AnswerType {
  /** "Who is our CFO?": a person's name; a role alone does not answer. */
  PERSON(Set.of(EntityType.PERSON), Set.of()),
  /** "Who approves ...?": a person or a role holder ("the Finance Director"). */
  ROLE_HOLDER(Set.of(EntityType.PERSON, EntityType.ROLE), Set.of()),
  /** "How many ...?", "What percentage ...?", "minimum length". */
  NUMBER(Set.of(EntityType.NUMBER, EntityType.MONEY, EntityType.DURATION), Set.of()),
  /** "How much does ... cost?": an amount with its currency. */
  MONEY(Set.of(EntityType.MONEY), Set.of(EntityType.NUMBER)),
  /** "How long ...?", "How often ...?": an amount of time. */
  DURATION(Set.of(EntityType.DURATION), Set.of(EntityType.NUMBER, EntityType.DATE_TIME)),
  /** "When ...?", "What time ...?", "Which days ...?". */
  DATE_TIME(Set.of(EntityType.DATE_TIME), Set.of(EntityType.NUMBER, EntityType.DURATION)),
  /** "What is the phone number / hotline of ...?". */
  PHONE(Set.of(EntityType.PHONE), Set.of()),
  /** "What is the email address / web address of ...?". */
  EMAIL_OR_URL(Set.of(EntityType.EMAIL, EntityType.URL), Set.of()),
  /** "Where ...?": a place (an address, a floor, a city, a named location). */
  PLACE(Set.of(EntityType.PLACE), Set.of(EntityType.PERSON)),
  /** "How do I ...?", "What now?": the steps of a procedure. */
  PROCEDURE(Set.of(), Set.of()),
  /** "Can I ...?", "Is ... allowed?": a rule that says yes or no. */
  YES_NO(Set.of(), Set.of()),
  /** "What is a purchase order?", "What does SEV1 mean?". */
  DEFINITION(Set.of(), Set.of()),
  /** Anything else ("Which group do I choose ...?"): no particular kind of entity. */
  OTHER(Set.of(), Set.of());

  private final Set<EntityType> answeredBy;
  private final Set<EntityType> partlyAnsweredBy;

  AnswerType(Set<EntityType> answeredBy, Set<EntityType> partlyAnsweredBy) {
    this.answeredBy = answeredBy;
    this.partlyAnsweredBy = partlyAnsweredBy;
  }

  /** Entities that state an answer of this type; empty when no entity is expected. */
  public Set<EntityType> answeredBy() {
    return answeredBy;
  }

  /** Entities that may state it less directly ("26" for "how many weeks"). */
  public Set<EntityType> partlyAnsweredBy() {
    return partlyAnsweredBy;
  }

  /** Whether an answer of this type is an entity a sentence must contain. */
  public boolean expectsEntity() {
    return !answeredBy.isEmpty();
  }
}
