package io.groundwork.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One ingestion run over a source or an upload, with its progress counters. */
@Entity
@Table(name = "ingestion_runs")
public class IngestionRunEntity {
  /** Run states. */
  public enum Status { RUNNING, COMPLETED, FAILED }

  @Id
  public String id;

  @Column(name = "source_name", nullable = false)
  public String sourceName;

  @Column(name = "started_by", nullable = false)
  public String startedBy;

  @Column(nullable = false)
  public String status;

  @Column(name = "files_total", nullable = false)
  public int filesTotal;

  @Column(name = "files_done", nullable = false)
  public int filesDone;

  @Column(nullable = false)
  public int ingested;

  @Column(nullable = false)
  public int unchanged;

  @Column(nullable = false)
  public int failed;

  @Column(nullable = false)
  public int removed;

  @Column(name = "chunks_added", nullable = false)
  public int chunksAdded;

  public String message;

  @Column(name = "started_at", nullable = false)
  public OffsetDateTime startedAt;

  @Column(name = "finished_at")
  public OffsetDateTime finishedAt;
}
