-- Per-sentence verification of every answer, and why an LLM answer fell back to the
-- extractive one. Both are covered by the record hash when present (NULL in older records,
-- whose hashes stay as written).
ALTER TABLE audit_records ADD COLUMN verification TEXT;
ALTER TABLE audit_records ADD COLUMN fallback_reason VARCHAR(2000);
