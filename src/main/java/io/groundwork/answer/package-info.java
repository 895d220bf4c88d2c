/**
 * Answering: turning retrieved chunks into an answer whose every statement carries a numbered
 * citation to an exact character span of a source document, or a refusal when the evidence is
 * too weak. {@link io.groundwork.answer.Answerer} is the seam for LLM back ends; the default is
 * {@link io.groundwork.answer.ExtractiveAnswerer}, which prefers sentences stating the kind of
 * answer asked for ({@code answer.type}), answers a procedure with its matching section, never
 * cites a title-like line, and refuses below a calibrated confidence, offering the closest
 * passages as not an answer.
 */
package io.groundwork.answer;
