package io.groundwork.verify;

import io.groundwork.answer.Answer;

/**
 * An answer after verification and the verification itself.
 *
 * @param answer what the user gets: unsupported sentences removed or flagged, invalid citations
 *     removed, or a refusal
 * @param verification the per-sentence verdicts
 */
public record VerifiedAnswer(Answer answer, Verification verification) {}
