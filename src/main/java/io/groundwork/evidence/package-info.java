/**
 * How well a sentence serves as evidence for a question or a claim: the share of the query's
 * content terms it contains, weighted by their IDF, blended with the rescaled embedding similarity
 * of the two. {@link io.groundwork.evidence.EvidenceScorer} is the one place this blend is
 * computed; the extractive answerer (does a sentence answer the question?) and the answer
 * verifier (does a cited sentence support the claim?) each use it with their own calibrated
 * constants. Depends only on {@code text}.
 */
package io.groundwork.evidence;
