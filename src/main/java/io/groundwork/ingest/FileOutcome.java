package io.groundwork.ingest;

/** What an ingestion run did with one file. */
public enum FileOutcome {
  /** New or changed: parsed, chunked, embedded and indexed. */
  INGESTED,
  /** Same content and access groups as already indexed. */
  UNCHANGED,
  /** Could not be ingested; what was indexed before stays. */
  FAILED,
  /** Gone from its source, so removed from every index. */
  REMOVED
}
