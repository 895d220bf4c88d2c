/**
 * Verification of every answer, whatever produced it: the answer is split into sentences, each
 * sentence is mapped to the sources it cites and scored by a {@link
 * io.groundwork.verify.SupportScorer} against the cited passages; unsupported sentences are
 * removed or flagged, citations to sources that were never given are dropped and counted, and
 * an answer left without a supported sentence becomes a refusal.
 */
package io.groundwork.verify;
