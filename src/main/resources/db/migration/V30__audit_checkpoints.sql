-- Audit trail: hash scheme per record, administrative actions, and signed checkpoints.
-- Written in the SQL that H2 and PostgreSQL share.

-- Scheme 1 (records written before this migration) hashes the full content; scheme 2 hashes
-- metadata and a digest of the content, so that content can be pruned for retention while
-- the chain stays verifiable.
ALTER TABLE audit_records ADD COLUMN hash_version INTEGER DEFAULT 1 NOT NULL;
-- 'answer' for answered questions, else the administrative action (ingestion.run-started, ...).
ALTER TABLE audit_records ADD COLUMN action VARCHAR(100) DEFAULT 'answer' NOT NULL;
ALTER TABLE audit_records ADD COLUMN details TEXT;
ALTER TABLE audit_records ADD COLUMN content_digest VARCHAR(64);

-- Content columns are empty in administrative records (and once pruned).
ALTER TABLE audit_records ALTER COLUMN question DROP NOT NULL;
ALTER TABLE audit_records ALTER COLUMN request DROP NOT NULL;
ALTER TABLE audit_records ALTER COLUMN retrieved DROP NOT NULL;
ALTER TABLE audit_records ALTER COLUMN answer DROP NOT NULL;
ALTER TABLE audit_records ALTER COLUMN citations DROP NOT NULL;
ALTER TABLE audit_records ALTER COLUMN answerer DROP NOT NULL;
ALTER TABLE audit_records ALTER COLUMN prompt_version DROP NOT NULL;
ALTER TABLE audit_records ALTER COLUMN latencies DROP NOT NULL;
CREATE INDEX audit_records_created ON audit_records (created_at);

-- Signed checkpoints: size and head of the chain, signed with the Ed25519 key outside the
-- database; each links to the one before (previous_hash). The same lines are appended to the
-- checkpoint log in groundwork.audit.checkpoint-dir, the copy a DBA cannot rewrite.
CREATE TABLE audit_checkpoints (
    seq              BIGINT        NOT NULL PRIMARY KEY,
    tree_size        BIGINT        NOT NULL,
    head_hash        VARCHAR(64)   NOT NULL,
    signed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_hash    VARCHAR(64)   NOT NULL,
    key_id           VARCHAR(64)   NOT NULL,
    signature        VARCHAR(200)  NOT NULL,
    checkpoint_hash  VARCHAR(64)   NOT NULL
);
