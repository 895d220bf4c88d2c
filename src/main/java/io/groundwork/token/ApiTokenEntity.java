package io.groundwork.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A personal API token: its owner, name, hash, the owner's groups and roles, and its life. */
@Entity
@Table(name = "api_tokens")
public class ApiTokenEntity {
  @Id
  public String id;

  @Column(nullable = false)
  public String owner;

  @Column(nullable = false)
  public String name;

  @Column(name = "token_hash", nullable = false)
  public String tokenHash;

  /** Comma-separated access groups the owner had when the token was made. */
  @Column(name = "owner_groups", nullable = false)
  public String ownerGroups;

  /** Comma-separated roles the owner had when the token was made. */
  @Column(name = "owner_roles", nullable = false)
  public String ownerRoles;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  public OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  public OffsetDateTime revokedAt;

  @Column(name = "last_used_at")
  public OffsetDateTime lastUsedAt;
}
