/**
 * The audit trail: one record per question (who, when, what was retrieved with scores, the
 * answer, its citations, the answerer and prompt version, stage latencies) and per
 * administrative action (ingestion runs, uploads, exports, reveals, holds, pruning, key and
 * retention changes). Records are
 * numbered without gaps and chained from a fixed genesis by SHA-256 over their metadata and a
 * digest of their content; Ed25519-signed checkpoints of the chain's size and head, kept in the
 * database and in an append-only log outside it ({@link io.groundwork.audit.Checkpointer}), let
 * {@link io.groundwork.audit.TrailVerifier} detect a rewrite by anyone who can write to the
 * database. Retention ({@link io.groundwork.audit.Retention}) prunes old content under a record
 * naming what it pruned, legal holds exempt records, and the verifiers accept exactly that
 * ({@link io.groundwork.audit.RetentionLedger}). The workspace's list filters
 * ({@link io.groundwork.audit.AuditQuery}) run in the query; need to know
 * ({@link io.groundwork.audit.NeedToKnow}) redacts content of documents outside the auditor's
 * groups. docs/audit.md describes the threat model, the verifier and the workspace.
 */
package io.groundwork.audit;
