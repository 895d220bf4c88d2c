package io.groundwork.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Ingestion runs and the files they could not ingest, in the active store's database. Every
 * method runs in the caller's transaction. Thread-safe.
 */
@ApplicationScoped
public class IngestionRunRepository {
  private final EntityManager em;

  public IngestionRunRepository(EntityManager em) {
    this.em = em;
  }

  /** Adds a new run. */
  public void add(IngestionRunEntity run) {
    em.persist(run);
  }

  /** The run with {@code id}, or null. */
  public IngestionRunEntity find(String id) {
    return em.find(IngestionRunEntity.class, id);
  }

  /**
   * The run with {@code id}, which must exist.
   *
   * @throws IllegalStateException when there is no such run
   */
  public IngestionRunEntity get(String id) {
    IngestionRunEntity run = find(id);
    if (run == null) {
      throw new IllegalStateException("ingestion run " + id + " does not exist");
    }
    return run;
  }

  /** The {@code max} most recently started runs, newest first. */
  public List<IngestionRunEntity> recent(int max) {
    return em.createQuery("from IngestionRunEntity r order by r.startedAt desc",
            IngestionRunEntity.class)
        .setMaxResults(max).getResultList();
  }

  /** Adds a file that a run could not ingest. */
  public void addFailure(IngestionFailureEntity failure) {
    em.persist(failure);
  }

  /** The files that run {@code runId} could not ingest, in the order they failed. */
  public List<IngestionFailureEntity> failures(String runId) {
    return em.createQuery("from IngestionFailureEntity f where f.runId = :id order by f.id",
            IngestionFailureEntity.class)
        .setParameter("id", runId).getResultList();
  }
}
