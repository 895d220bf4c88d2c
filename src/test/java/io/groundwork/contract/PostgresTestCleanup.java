package io.groundwork.contract;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Drops the PostgreSQL test database (or schemas) that this test JVM created, when the JUnit
 * launcher session ends: after every test, passed or failed. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class PostgresTestCleanup implements LauncherSessionListener {
  @Override
  public void launcherSessionClosed(LauncherSession session) {
    PostgresTestDatabase.dropWhatWasCreated();
  }
}
