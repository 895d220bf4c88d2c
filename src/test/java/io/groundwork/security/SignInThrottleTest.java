package io.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final SignInThrottle throttle = new SignInThrottle(
      new SignInThrottle.Limits(2, 5), new SignInThrottle.Limits(4, 8), Duration.ofSeconds(1),
      Duration.ofSeconds(4), Duration.ofMinutes(15), Duration.ofMinutes(30), 1000, now::get);

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  private long refusedFor(String user, String address) {
    try {
      throttle.begin(user, address).abandoned();
      throw new AssertionError("expected a refusal");
    } catch (SignInThrottledException e) {
      return e.retryAfterSeconds();
    }
  }

  @Test
  void freeFailuresThenDoublingDelaysThenALockout() {
    throttle.begin("ann", "10.0.0.1").failed();
    throttle.begin("ann", "10.0.0.1").failed();
    assertThat(throttle.begin("ann", "10.0.0.2").failed()).isEmpty(); // third: waits 1 s
    assertThat(refusedFor("ann", "10.0.0.3")).isEqualTo(1);
    advance(Duration.ofSeconds(1));
    throttle.begin("ann", "10.0.0.3").failed(); // fourth: waits 2 s
    assertThat(refusedFor("ann", "10.0.0.4")).isEqualTo(2);
    advance(Duration.ofSeconds(2));
    var lockouts = throttle.begin("ann", "10.0.0.4").failed(); // fifth: locked
    assertThat(lockouts).containsExactly(
        new SignInThrottle.Lockout("user", "ann", 5, Duration.ofMinutes(15)));
    assertThat(refusedFor("ann", "10.0.0.5")).isEqualTo(15 * 60);
    advance(Duration.ofMinutes(14));
    assertThat(refusedFor("ann", "10.0.0.5")).isEqualTo(60);
    // Other users are unaffected.
    throttle.begin("bob", "10.0.0.9").succeeded();
  }

  @Test
  void delaysAreCappedBeforeTheLockout() {
    SignInThrottle slow = new SignInThrottle(new SignInThrottle.Limits(0, 10),
        new SignInThrottle.Limits(0, 10), Duration.ofSeconds(1), Duration.ofSeconds(4),
        Duration.ofMinutes(15), Duration.ofMinutes(30), 1000, now::get);
    long[] expected = {1, 2, 4, 4, 4};
    for (long seconds : expected) {
      slow.begin("ann", "a-" + seconds).failed();
      try {
        slow.begin("ann", "other");
        throw new AssertionError("expected a refusal");
      } catch (SignInThrottledException e) {
        assertThat(e.retryAfterSeconds()).isEqualTo(seconds);
      }
      advance(Duration.ofSeconds(seconds));
    }
  }

  @Test
  void theAddressIsCountedAcrossUserNames() {
    for (int i = 0; i < 4; i++) {
      throttle.begin("user" + i, "10.9.9.9").failed();
    }
    assertThat(throttle.begin("user4", "10.9.9.9").failed()).isEmpty();
    assertThat(refusedFor("someone-else", "10.9.9.9")).isEqualTo(1);
    throttle.begin("someone-else", "10.1.1.1").succeeded();
  }

  @Test
  void aSuccessClearsTheUserButNotTheAddress() {
    throttle.begin("ann", "10.0.0.1").failed();
    throttle.begin("ann", "10.0.0.1").failed();
    throttle.begin("ann", "10.0.0.1").succeeded();
    throttle.begin("ann", "10.0.0.1").failed();
    throttle.begin("ann", "10.0.0.1").failed(); // the address has 4 failures now
    throttle.begin("ann", "10.0.0.1").failed(); // the fifth of the address: it waits
    assertThat(refusedFor("bob", "10.0.0.1")).isEqualTo(1);
  }

  @Test
  void pastTheFreeFailuresOnlyOneAttemptAtATimeIsChecked() {
    throttle.begin("ann", "x").failed();
    throttle.begin("ann", "y").failed();
    SignInThrottle.Attempt inFlight = throttle.begin("ann", "z");
    assertThat(refusedFor("ann", "w")).isEqualTo(1);
    inFlight.succeeded();
    throttle.begin("ann", "w").succeeded();
  }

  @Test
  void failuresAreForgottenAfterAQuietPeriod() {
    throttle.begin("ann", "a").failed();
    throttle.begin("ann", "a").failed();
    advance(Duration.ofMinutes(31));
    throttle.begin("ann", "a").failed();
    throttle.begin("ann", "a").failed();
    throttle.begin("ann", "a").succeeded(); // two fresh failures are still free
  }

  @Test
  void anOutcomeIsMarkedOnce() {
    SignInThrottle.Attempt attempt = throttle.begin("ann", "a");
    attempt.failed();
    assertThatThrownBy(attempt::succeeded).isInstanceOf(IllegalStateException.class)
        .hasMessage("the outcome of this sign-in attempt is already marked");
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new SignInThrottle.Limits(5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lockout-after must be greater than the free failures (5), got 5");
  }
}
