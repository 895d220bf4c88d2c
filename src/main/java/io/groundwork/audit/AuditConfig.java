package io.groundwork.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Audit trail settings ({@code groundwork.audit.*}; each also reads from the environment, e.g.
 * {@code GROUNDWORK_AUDIT_SIGNING_KEY_FILE}). See docs/audit.md.
 */
@ConfigMapping(prefix = "groundwork.audit")
public interface AuditConfig {
  /**
   * The Ed25519 private key file (PEM, made by {@code groundwork audit keygen --out DIR}) that
   * signs checkpoints. Keep it outside the database (a Kubernetes Secret, a file readable by the
   * service user only). Unset: the trail is unsigned; it is still hash-chained, and
   * {@code /api/audit/verify} says it is unsigned.
   */
  Optional<Path> signingKeyFile();

  /**
   * Where the append-only checkpoint log ({@code checkpoints.jsonl}) is written; ship it to
   * write-once storage (S3 Object Lock or equivalent), which is the witness a database
   * administrator cannot rewrite. Default: {@code audit-checkpoints} in the data directory.
   */
  @WithDefault("${groundwork.data-dir}/audit-checkpoints")
  Path checkpointDir();

  /** Sign a checkpoint once this many records were appended since the last one (at least 1). */
  @WithDefault("100")
  int checkpointEvery();

  /**
   * Sign a checkpoint at least this often while records are being appended (at least 1s), so
   * that an acknowledged record is covered within this interval plus the time signing takes.
   */
  @WithDefault("30s")
  Duration checkpointInterval();

  /**
   * Whether an auditor may reveal the content of a record that drew on documents of groups they
   * do not hold. Each reveal asks for a reason and is itself an audit record
   * ({@code audit.reveal}); false keeps such content redacted for every auditor.
   */
  @WithDefault("true")
  boolean revealEnabled();
}
