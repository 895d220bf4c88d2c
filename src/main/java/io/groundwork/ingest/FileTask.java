package io.groundwork.ingest;

import java.io.IOException;
import java.util.Set;

/** A file to ingest: where it goes, who may read it, and how to read it. */
record FileTask(String sourceName, String path, Set<String> groups, ContentSupplier content) {
  /** Reads a file's bytes; may fail with an I/O error that the run records. */
  @FunctionalInterface
  interface ContentSupplier {
    byte[] read() throws IOException;
  }
}
