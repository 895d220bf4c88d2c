package io.groundwork.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A document's file exactly as it was ingested, so that a reader can open the original of a
 * cited passage; kept apart from {@link DocumentEntity} so that listing documents never loads it.
 * The media type is the document's.
 */
@Entity
@Table(name = "document_originals")
public class DocumentOriginalEntity {
  @Id
  @Column(name = "document_id")
  public String documentId;

  /** The file's name (last part of its path), offered as the download's name. */
  @Column(name = "file_name", nullable = false)
  public String fileName;

  @Column(nullable = false)
  public byte[] content;
}
