package io.groundwork.audit;

import io.agroal.api.AgroalDataSource;
import io.groundwork.store.ActiveStore;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * JDBC connections to the active store's datasource (the one {@code groundwork.store} names),
 * for the audit code that works in plain SQL. Thread-safe.
 */
@ApplicationScoped
public class AuditDatabase {
  private final AgroalDataSource dataSource;

  public AuditDatabase(ActiveStore store, @Any Instance<AgroalDataSource> dataSources) {
    this.dataSource = dataSources.select(new DataSourceLiteral(store.mode().unitName())).get();
  }

  /** A new connection; the caller closes it. */
  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }
}
