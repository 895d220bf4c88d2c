/**
 * Conversations: a person's own questions and answers in order, and the rewriting of a
 * follow-up question into a standalone search query from the earlier turns (by a deterministic
 * rule, or by a language model's condensing prompt when one is configured).
 */
package io.groundwork.conversation;
