package io.groundwork.core;

/** Well-known access groups. */
public final class AccessGroups {
  /** Every authenticated user belongs to this group; unrestricted documents carry it. */
  public static final String EVERYONE = "everyone";

  private AccessGroups() {}
}
