/**
 * Expected answer types: what a question asks for (a person, an amount of money, a duration, a
 * phone number, the steps of a procedure, ...) and the entities of those kinds in a sentence.
 * Both are recognised by rules and lexicons ({@link io.groundwork.answer.type.QuestionClassifier},
 * {@link io.groundwork.answer.type.EntityRecognizer}): no in-process model for question
 * classification or named-entity recognition ships with the application, and nothing may be
 * downloaded at run time. The extractive answerer uses them to prefer sentences that state an
 * entity of the expected type close to the question's own words. Depends on nothing else.
 */
package io.groundwork.answer.type;
