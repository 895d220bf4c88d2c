/**
 * Answering: turning retrieved chunks into an answer whose every statement carries a numbered
 * citation to an exact character span of a source document, or a refusal when the evidence is
 * too weak. {@link io.groundwork.answer.Answerer} is the seam for LLM back ends; the default is
 * {@link io.groundwork.answer.ExtractiveAnswerer}.
 */
package io.groundwork.answer;
