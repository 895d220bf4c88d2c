package io.groundwork.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A file that an ingestion run could not ingest, and why. */
@Entity
@Table(name = "ingestion_failures")
public class IngestionFailureEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "run_id", nullable = false)
  public String runId;

  @Column(nullable = false)
  public String path;

  @Column(nullable = false)
  public String reason;

  @Column(name = "failed_at", nullable = false)
  public OffsetDateTime failedAt;
}
