package io.groundwork.security;

import io.groundwork.core.AccessGroups;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is asking: a user name and the groups whose documents they may read. Always includes
 * {@link AccessGroups#EVERYONE}.
 */
public record Caller(String name, Set<String> groups) {
  public Caller {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("caller name must not be blank");
    }
    TreeSet<String> all = new TreeSet<>(groups);
    all.add(AccessGroups.EVERYONE);
    groups = Set.copyOf(all);
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }
}
