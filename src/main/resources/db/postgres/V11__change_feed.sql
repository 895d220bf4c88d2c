-- PostgreSQL only: the change feed. One row per document change, written in the
-- transaction that changes the document; writers take an advisory transaction lock first, so
-- sequence order is commit order and a replica that has applied up to N never misses an entry
-- below N. Replicas read it in order and bring their local Lucene (BM25) index up to date;
-- LISTEN/NOTIFY on channel groundwork_change_feed only wakes them up.
CREATE TABLE change_feed (
    seq          BIGSERIAL     PRIMARY KEY,
    document_id  VARCHAR(64)   NOT NULL,
    operation    VARCHAR(10)   NOT NULL CHECK (operation IN ('UPSERT', 'DELETE')),
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
