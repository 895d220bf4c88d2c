package io.groundwork.security;

import java.util.List;
import java.util.Set;

/**
 * What a person may do, separate from the access groups that decide which documents they may
 * read. Every signed-in person is an {@link #EMPLOYEE}; the other roles add workspaces and
 * actions. The server checks the role of every call ({@code @RolesAllowed}); a page hiding a link
 * is never the control.
 */
public final class Roles {
  /** Everyone signed in: ask, read cited sources of their groups, give feedback. */
  public static final String EMPLOYEE = "employee";
  /** Support agents: draft replies to customer tickets from customer-safe sources, approve them. */
  public static final String AGENT = "agent";
  /** Compliance reviewers: read, verify and export the audit trail. */
  public static final String AUDITOR = "auditor";
  /** Administrators: sources, ingestion runs, uploads, retention, legal holds, signing keys. */
  public static final String ADMIN = "admin";

  /** Every role, in the order the workspaces are shown. */
  public static final List<String> ALL = List.of(EMPLOYEE, AGENT, AUDITOR, ADMIN);

  private Roles() {}

  /**
   * Checks that every name is a known role.
   *
   * @param where names the origin of the roles in the error message
   * @throws IllegalArgumentException naming the first unknown role and the known ones
   */
  public static Set<String> requireKnown(Set<String> roles, String where) {
    for (String role : roles) {
      if (!ALL.contains(role)) {
        throw new IllegalArgumentException(where + ": unknown role '" + role + "'; known roles: "
            + String.join(", ", ALL));
      }
    }
    return roles;
  }
}
