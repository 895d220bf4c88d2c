package io.groundwork.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A chunk of a document, as indexed. */
@Entity
@Table(name = "chunks")
public class ChunkEntity {
  @Id
  public String id;

  @Column(name = "document_id", nullable = false)
  public String documentId;

  @Column(nullable = false)
  public int ordinal;

  @Column(name = "start_offset", nullable = false)
  public int startOffset;

  @Column(name = "end_offset", nullable = false)
  public int endOffset;

  @Column(name = "heading_path", nullable = false)
  public String headingPath;

  @Column(nullable = false)
  public int page;

  @Column(name = "token_count", nullable = false)
  public int tokenCount;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  public String body;
}
