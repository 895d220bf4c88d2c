-- The embedding model a document's chunk vectors come from (groundwork.embedding.model). A
-- document embedded with another model than the configured one is embedded again on the next
-- ingestion run. Documents stored before this column existed were embedded with the default
-- model, the only one the build shipped.
ALTER TABLE documents ADD COLUMN embedding_model VARCHAR(100) DEFAULT 'bge-small-en-v1.5-q' NOT NULL;
