package io.groundwork.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The web workspaces and the role each needs. The navigation of every page is built from
 * {@link #allowedFor}, served by {@code GET /api/me}; the server checks the same roles on the
 * pages and on every API call.
 */
public enum Workspace {
  ASK("Ask", "/", Roles.EMPLOYEE),
  DRAFTS("Drafts", "/drafts.html", Roles.AGENT),
  AUDIT("Audit", "/audit.html", Roles.AUDITOR),
  ADMIN("Admin", "/admin.html", Roles.ADMIN);

  private final String title;
  private final String path;
  private final String role;

  Workspace(String title, String path, String role) {
    this.title = title;
    this.path = path;
    this.role = role;
  }

  public String title() {
    return title;
  }

  public String path() {
    return path;
  }

  /** The role a person needs to use this workspace. */
  public String role() {
    return role;
  }

  /** The workspaces a person with {@code roles} may use, in navigation order. */
  public static List<Workspace> allowedFor(Set<String> roles) {
    return Arrays.stream(values()).filter(w -> roles.contains(w.role)).toList();
  }
}
