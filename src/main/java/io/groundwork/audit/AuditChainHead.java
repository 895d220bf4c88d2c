package io.groundwork.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row holding the newest record's id and hash; locked while appending. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {
  @Id
  public Integer id;

  @Column(name = "last_id", nullable = false)
  public long lastId;

  @Column(name = "last_hash", nullable = false)
  public String lastHash;
}
