package io.groundwork.index;

import java.util.Set;

/**
 * What a search may return: chunks readable by at least one of {@code groups}, optionally only
 * from the given sources and documents (empty means no restriction).
 */
public record SearchFilter(Set<String> groups, Set<String> sources, Set<String> documentIds) {
  public SearchFilter {
    if (groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("a search needs the caller's access groups");
    }
    groups = Set.copyOf(groups);
    sources = sources == null ? Set.of() : Set.copyOf(sources);
    documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
  }

  /** A filter on access groups only. */
  public static SearchFilter groups(Set<String> groups) {
    return new SearchFilter(groups, Set.of(), Set.of());
  }
}
