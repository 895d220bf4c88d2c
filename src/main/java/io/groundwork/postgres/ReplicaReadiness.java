package io.groundwork.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of a PostgreSQL-mode replica: not ready until its local index has caught up with the
 * change feed once, so a load balancer does not send queries to a replica that is still empty.
 * Always ready in embedded mode and in a process that does not follow the feed.
 */
@Readiness
@ApplicationScoped
public class ReplicaReadiness implements HealthCheck {
  private final ReplicaSync sync;

  public ReplicaReadiness(ReplicaSync sync) {
    this.sync = sync;
  }

  @Override
  public HealthCheckResponse call() {
    boolean ready = !sync.following() || sync.caughtUp();
    return HealthCheckResponse.named("replica-index").status(ready)
        .withData("following-change-feed", sync.following())
        .withData("feed-position", sync.position()).build();
  }
}
