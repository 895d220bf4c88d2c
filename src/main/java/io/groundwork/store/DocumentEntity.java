package io.groundwork.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An ingested document: where it came from, who may read it, and its parsed text. */
@Entity
@Table(name = "documents")
public class DocumentEntity {
  @Id
  public String id;

  @Column(name = "source_name", nullable = false)
  public String sourceName;

  @Column(nullable = false)
  public String path;

  @Column(name = "source_uri", nullable = false, unique = true)
  public String sourceUri;

  @Column(nullable = false)
  public String title;

  @Column(name = "media_type", nullable = false)
  public String mediaType;

  @Column(name = "content_hash", nullable = false)
  public String contentHash;

  /** Access groups, sorted and comma-separated. */
  @Column(name = "access_groups", nullable = false)
  public String accessGroups;

  @Column(name = "size_bytes", nullable = false)
  public long sizeBytes;

  @Column(name = "chunk_count", nullable = false)
  public int chunkCount;

  /** The parsed text that chunk and citation offsets refer to. */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  public String body;

  @Column(name = "ingested_at", nullable = false)
  public OffsetDateTime ingestedAt;

  /**
   * What the document was ingested with (parser version and chunking settings); a document
   * stored under another version is ingested again on the next run.
   */
  @Column(name = "ingest_version", nullable = false)
  public String ingestVersion = "";

  /**
   * The embedding model ({@code groundwork.embedding.model}) the document's chunk vectors come
   * from; a document embedded with another model is embedded again on the next run.
   */
  @Column(name = "embedding_model", nullable = false)
  public String embeddingModel = "";

  /**
   * The document's block structure (headings, paragraphs, list items, table rows, page breaks)
   * as a JSON array whose offsets refer to {@link #body}; null when none was recorded.
   */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column
  public String structure;

  /**
   * Sentences that try to steer the reader, found at ingestion: a JSON array of
   * {@link ContentFlag}, or null when there are none.
   */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "content_flags")
  public String contentFlags;

  /** The flagged sentences, in document order; empty when there are none. */
  public List<ContentFlag> flags() {
    return ContentFlag.fromJson(contentFlags);
  }

  public void setFlags(List<ContentFlag> flags) {
    this.contentFlags = flags.isEmpty() ? null : ContentFlag.toJson(flags);
  }

  public Set<String> groups() {
    return Arrays.stream(accessGroups.split(",")).filter(g -> !g.isBlank())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  public void setGroups(Set<String> groups) {
    this.accessGroups = String.join(",", new TreeSet<>(groups));
  }

  /** True when a caller with {@code callerGroups} may read this document. */
  public boolean readableBy(Set<String> callerGroups) {
    return groups().stream().anyMatch(callerGroups::contains);
  }
}
