package io.groundwork.security;

import io.groundwork.core.AccessGroups;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is asking: a user name, the access groups whose documents they may read (always including
 * {@link AccessGroups#EVERYONE}) and their roles (always including {@link Roles#EMPLOYEE}).
 * Groups filter every search; roles decide workspaces and actions. Immutable.
 */
public record Caller(String name, Set<String> groups, Set<String> roles) {
  public Caller {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("caller name must not be blank");
    }
    TreeSet<String> allGroups = new TreeSet<>(groups);
    allGroups.add(AccessGroups.EVERYONE);
    groups = Set.copyOf(allGroups);
    TreeSet<String> allRoles = new TreeSet<>(Roles.requireKnown(roles, "caller " + name));
    allRoles.add(Roles.EMPLOYEE);
    roles = Set.copyOf(allRoles);
  }

  /** A caller with no role beyond {@link Roles#EMPLOYEE}. */
  public Caller(String name, Set<String> groups) {
    this(name, groups, Set.of());
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
