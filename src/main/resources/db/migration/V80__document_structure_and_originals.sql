-- What ingestion made of each document, beyond its text: the parser version it was parsed with
-- (a document parsed by an older version is parsed again on the next run, even when its file is
-- unchanged), its block structure for the passage view (JSON, offsets into body), and the file
-- as it was ingested, served to readers who may read the document.
ALTER TABLE documents ADD COLUMN ingest_version VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE documents ADD COLUMN structure TEXT;

CREATE TABLE document_originals (
    document_id   VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    file_name     VARCHAR(1000) NOT NULL,
    content       BYTEA         NOT NULL
);
