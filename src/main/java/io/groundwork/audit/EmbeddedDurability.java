package io.groundwork.audit;

import io.groundwork.store.ActiveStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the embedded H2 database write every commit to its file before the commit returns
 * ({@code SET WRITE_DELAY 0}; H2's default keeps up to 500 ms of commits in memory), so that a
 * process killed with SIGKILL loses no audit record a client was told about. PostgreSQL commits
 * are durable already. Runs once at start; stateless.
 */
@ApplicationScoped
public class EmbeddedDurability {
  private final ActiveStore store;
  private final AuditDatabase database;

  public EmbeddedDurability(ActiveStore store, AuditDatabase database) {
    this.store = store;
    this.database = database;
  }

  void onStart(@Observes StartupEvent event) throws SQLException {
    if (store.postgres()) {
      return;
    }
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      statement.execute("SET WRITE_DELAY 0");
    }
  }
}
