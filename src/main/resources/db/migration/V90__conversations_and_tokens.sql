-- Conversations (a person's own question history) and personal API tokens.
-- Written in the SQL that H2 and PostgreSQL share.

-- A conversation belongs to one person; nobody else reads it through the API (auditors see its
-- turns only as audit records). Deleting one removes it from the owner's history; the audit
-- records of its turns stay, under the trail's retention and legal holds.
CREATE TABLE conversations (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner       VARCHAR(200)  NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversations_owner ON conversations (owner, updated_at);

-- One question and its answer; search_query is what was actually searched (the question made
-- standalone from the earlier turns).
CREATE TABLE conversation_turns (
    conversation_id VARCHAR(36)   NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq             INTEGER       NOT NULL,
    question        TEXT          NOT NULL,
    search_query    TEXT          NOT NULL,
    answer          TEXT          NOT NULL,
    refused         BOOLEAN       NOT NULL,
    citations       TEXT          NOT NULL,
    audit_id        BIGINT        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);

-- Personal API tokens: only a SHA-256 of the token is kept (the token is shown once). A token
-- acts with its owner's groups and roles.
CREATE TABLE api_tokens (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner         VARCHAR(200)  NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    token_hash    VARCHAR(64)   NOT NULL UNIQUE,
    owner_groups  TEXT          NOT NULL,
    owner_roles   TEXT          NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_tokens_owner ON api_tokens (owner);
