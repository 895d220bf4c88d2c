/**
 * The audit trail: one record per question (who, when, what was retrieved with scores, the
 * answer, its citations, the answerer and prompt version, stage latencies), chained by SHA-256
 * hashes so that any later change to a stored record is detectable.
 */
package io.groundwork.audit;
