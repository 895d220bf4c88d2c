package io.groundwork.security;

/** Groups that grant capabilities beyond reading documents. */
public final class Roles {
  /** May start ingestion runs and upload files. */
  public static final String ADMIN = "admin";
  /** May read the audit trail. */
  public static final String AUDITOR = "auditor";

  private Roles() {}
}
