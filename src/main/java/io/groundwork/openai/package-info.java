/**
 * The OpenAI-compatible chat API ({@code GET /v1/models}, {@code POST /v1/chat/completions},
 * streamed or not), so that chat front ends and OpenAI SDKs can use Groundwork as their
 * knowledge model: the messages become a conversation, the answer carries {@code [n]} markers and
 * its citations are in the documented {@code citations} field. Same access filtering,
 * verification and audit as {@code /api/ask}; errors in OpenAI's error format.
 */
package io.groundwork.openai;
