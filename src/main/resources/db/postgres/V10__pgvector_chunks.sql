-- PostgreSQL only: embeddings and the access filter live next to each chunk, so that
-- vector search runs in PostgreSQL with the filter in the same SQL.
CREATE EXTENSION IF NOT EXISTS vector;

ALTER TABLE chunks ADD COLUMN source_name   VARCHAR(200);
ALTER TABLE chunks ADD COLUMN access_groups TEXT[];
ALTER TABLE chunks ADD COLUMN embedding     vector(${embedding_dimension});

-- Vectors are L2-normalised, so inner product ranks like cosine and is cheaper.
CREATE INDEX chunks_embedding_hnsw ON chunks USING hnsw (embedding vector_ip_ops);
CREATE INDEX chunks_access_groups ON chunks USING gin (access_groups);
