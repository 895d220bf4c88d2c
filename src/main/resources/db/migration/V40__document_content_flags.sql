-- Sentences of a document that try to steer its reader (a credential request with a link, text
-- addressed to an AI assistant), found at ingestion: a JSON array of {kind, start, end, excerpt},
-- or NULL when there are none.
ALTER TABLE documents ADD COLUMN content_flags TEXT;
