/**
 * The audit trail: one record per question (who, when, what was retrieved with scores, the
 * answer, its citations, the answerer and prompt version, stage latencies) and per
 * administrative action (ingestion runs, uploads, exports, signing-key changes). Records are
 * numbered without gaps and chained from a fixed genesis by SHA-256 over their metadata and a
 * digest of their content; Ed25519-signed checkpoints of the chain's size and head, kept in the
 * database and in an append-only log outside it ({@link io.groundwork.audit.Checkpointer}), let
 * {@link io.groundwork.audit.TrailVerifier} detect a rewrite by anyone who can write to the
 * database. docs/audit.md describes the threat model and the verifier.
 */
package io.groundwork.audit;
