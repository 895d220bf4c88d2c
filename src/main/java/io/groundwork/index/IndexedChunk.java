package io.groundwork.index;

import java.util.Set;

/**
 * A chunk as the index stores it.
 *
 * @param chunkId stable id of the chunk
 * @param documentId stable id of the chunk's document
 * @param sourceName the configured source the document came from
 * @param path the document's path within its source
 * @param title the document title
 * @param headingPath enclosing headings joined by {@code " > "}
 * @param text the chunk's text
 * @param start offset of the chunk in the document text
 * @param end end offset of the chunk in the document text
 * @param page 1-based page, or 0 when the format has no pages
 * @param groups access groups allowed to read the document
 */
public record IndexedChunk(
    String chunkId, String documentId, String sourceName, String path, String title,
    String headingPath, String text, int start, int end, int page, Set<String> groups) {

  public IndexedChunk {
    if (chunkId == null || chunkId.isBlank()) {
      throw new IllegalArgumentException("chunkId must not be blank");
    }
    if (documentId == null || documentId.isBlank()) {
      throw new IllegalArgumentException("documentId must not be blank");
    }
    if (groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("a chunk needs at least one access group");
    }
    groups = Set.copyOf(groups);
  }
}
