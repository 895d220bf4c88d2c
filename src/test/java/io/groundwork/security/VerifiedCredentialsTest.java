package io.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {
  private final AtomicLong now = new AtomicLong();
  private final VerifiedCredentials cache =
      new VerifiedCredentials(Duration.ofMinutes(5), 2, now::get);

  @Test
  void aVerifiedPasswordIsRememberedUntilItsTtl() {
    cache.remember("ann", "hash-a", "secret".toCharArray());
    assertThat(cache.contains("ann", "hash-a", "secret".toCharArray())).isTrue();
    assertThat(cache.contains("ann", "hash-a", "wrong".toCharArray())).isFalse();
    assertThat(cache.contains("ann", "hash-changed", "secret".toCharArray())).isFalse();
    now.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(cache.contains("ann", "hash-a", "secret".toCharArray())).isFalse();
    assertThat(cache.size()).isZero();
  }

  @Test
  void theLeastRecentlyUsedIsForgottenBeyondTheSize() {
    cache.remember("ann", "h", "a".toCharArray());
    cache.remember("bob", "h", "b".toCharArray());
    assertThat(cache.contains("ann", "h", "a".toCharArray())).isTrue();
    cache.remember("cat", "h", "c".toCharArray());
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.contains("bob", "h", "b".toCharArray())).isFalse();
    assertThat(cache.contains("ann", "h", "a".toCharArray())).isTrue();
  }
}
