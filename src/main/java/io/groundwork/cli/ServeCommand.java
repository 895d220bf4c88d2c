package io.groundwork.cli;

import io.groundwork.index.ChunkReader;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.ingest.IngestConfig;
import io.groundwork.ingest.IngestionService;
import io.groundwork.store.DataDirectory;
import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;

/**
 * Runs the server until stopped. Holds the index's write lock for its whole life, so that a CLI
 * ingestion cannot write behind its back. With an empty index it first ingests every configured
 * source, in the background, so the page is up at once.
 *
 * <p>Ctrl-C (SIGINT) and SIGTERM stop it cleanly ({@link GroundworkMain}): Quarkus shuts down
 * (closing the index and the database) and the process exits with 0.
 */
@Command(name = "serve", description = "Run the web page and REST API (the default command).")
public class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = Logger.getLogger(ServeCommand.class);

  private final LuceneChunkIndex index;
  private final IngestionService ingestion;
  private final IngestConfig config;
  private final DataDirectory dataDirectory;
  private final ChunkReader activeIndex;

  public ServeCommand(LuceneChunkIndex index, IngestionService ingestion, IngestConfig config,
      DataDirectory dataDirectory, ChunkReader activeIndex) {
    this.activeIndex = activeIndex; // PostgreSQL mode: counts chunks in PostgreSQL
    this.index = index;
    this.ingestion = ingestion;
    this.config = config;
    this.dataDirectory = dataDirectory;
  }

  @Override
  public Integer call() {
    index.openForWriting();
    LOG.infof("data directory %s, %d chunks indexed", dataDirectory.path(), index.chunkCount());
    if (config.autoIngestSamples()) {
      boolean empty = activeIndex.chunkCount() == 0;
      for (String source : ingestion.pipeline().sourceNames()) {
        long outdated = empty ? 0 : ingestion.outdatedDocuments(source);
        if (empty || outdated > 0) {
          String runId = ingestion.startSourceRun(source, "system");
          LOG.infof(empty ? "index is empty: ingesting source '%s' (run %s)"
              : "%3$d documents of source '%1$s' were ingested by an older parser or with other"
                  + " chunking: ingesting it again (run %2$s)", source, runId, outdated);
        }
      }
    }
    Quarkus.waitForExit();
    LOG.info("stopping");
    return 0;
  }

}
