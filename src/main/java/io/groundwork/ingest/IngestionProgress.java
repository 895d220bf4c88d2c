package io.groundwork.ingest;

/**
 * Where the ingestion run in progress stands: the knowledge base is still being indexed, so an
 * answer may miss documents that are not in it yet.
 *
 * @param source the source being ingested
 * @param filesDone files processed so far (ingested, unchanged or failed)
 * @param filesTotal files the run listed
 * @param message the sentence a person reads, e.g. "Still indexing: 6 of 47 files of source
 *     samples; documents not indexed yet cannot be found."
 */
public record IngestionProgress(String source, int filesDone, int filesTotal, String message) {
  /** The progress of {@code source} after {@code filesDone} of {@code filesTotal} files. */
  public static IngestionProgress of(String source, int filesDone, int filesTotal) {
    return new IngestionProgress(source, filesDone, filesTotal, "Still indexing: " + filesDone
        + " of " + filesTotal + " files of source " + source
        + "; documents not indexed yet cannot be found.");
  }
}
