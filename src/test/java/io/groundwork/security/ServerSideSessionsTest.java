package io.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.oidc.AuthorizationCodeTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sessions of single sign-on kept on the server: found by id until ended or expired. */
class ServerSideSessionsTest {
  private static final AuthorizationCodeTokens TOKENS =
      new AuthorizationCodeTokens("id-token", "access-token", "refresh-token");

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }
  }

  @Test
  void aSessionLastsUntilItEnds() {
    ServerSideSessions sessions = new ServerSideSessions(new TestClock());
    String id = sessions.open(TOKENS, Duration.ofMinutes(35));
    assertThat(sessions.tokens(id)).isSameAs(TOKENS);
    sessions.end(id);
    assertThat(sessions.tokens(id)).isNull();
    assertThat(sessions.size()).isZero();
    sessions.end(id); // ending twice is harmless
    assertThat(sessions.tokens(null)).isNull();
    assertThat(sessions.tokens("no-such-session")).isNull();
  }

  @Test
  void aSessionExpiresAfterItsAgeAndIsSweptByTheNextSignIn() {
    TestClock clock = new TestClock();
    ServerSideSessions sessions = new ServerSideSessions(clock);
    String first = sessions.open(TOKENS, Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(sessions.tokens(first)).isSameAs(TOKENS);
    clock.advance(Duration.ofSeconds(1));
    assertThat(sessions.tokens(first)).isNull();

    String second = sessions.open(TOKENS, Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(11));
    sessions.open(TOKENS, Duration.ofMinutes(10));
    assertThat(sessions.tokens(second)).isNull();
    assertThat(sessions.size()).isEqualTo(1);
  }

  @Test
  void idsAreUnguessableAndDistinct() {
    ServerSideSessions sessions = new ServerSideSessions(new TestClock());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = sessions.open(TOKENS, Duration.ofMinutes(1));
      assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+");
      ids.add(id);
    }
    assertThat(ids).hasSize(1000);
  }

  @Test
  void badArgumentsAreRefused() {
    ServerSideSessions sessions = new ServerSideSessions(new TestClock());
    assertThatThrownBy(() -> sessions.open(null, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tokens must not be null");
    assertThatThrownBy(() -> sessions.open(TOKENS, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("age must be positive, got PT0S");
  }
}
