/**
 * The system of record: documents, chunks, ingestion runs and the data directory, stored
 * through Hibernate ORM entities whose schema Flyway migrates. The queries live in repositories
 * ({@link io.groundwork.store.DocumentRepository},
 * {@link io.groundwork.store.IngestionRunRepository}) that run in the caller's transaction.
 */
package io.groundwork.store;
