/**
 * The system of record: documents, chunks, ingestion runs and the data directory, stored
 * through Hibernate ORM entities whose schema Flyway migrates.
 */
package io.groundwork.store;
