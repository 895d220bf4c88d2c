package io.groundwork.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Sign-in throttling and the cache of verified credentials ({@code groundwork.security.sign-in.*}).
 * Failed sign-ins are counted per user name and per client address. Up to the free number of
 * failures nothing happens; each further failure makes that user or address wait
 * ({@code base-delay}, doubling with every failure, at most {@code max-delay}), and reaching the
 * lockout number locks it for {@code lockout}. While a user or address waits or is locked, every
 * sign-in is answered 429 with {@code Retry-After} before the password is checked, so a guess
 * costs no password hashing. A lockout is recorded in the audit trail. Counts are forgotten
 * {@code forget-after} after the last failure, and a successful sign-in clears the user's count
 * (not the address's).
 */
@ConfigMapping(prefix = "groundwork.security.sign-in")
public interface SignInConfig {
  /** Failed sign-ins of one user name before each further failure costs a delay. */
  @WithDefault("5")
  int userFreeFailures();

  /** Failed sign-ins of one user name that lock it for {@code lockout}. */
  @WithDefault("10")
  int userLockoutAfter();

  /**
   * Failed sign-ins from one client address before each further failure costs a delay; higher
   * than the user's, since an office behind one NAT address shares it.
   */
  @WithDefault("20")
  int addressFreeFailures();

  /** Failed sign-ins from one client address that lock it for {@code lockout}. */
  @WithDefault("50")
  int addressLockoutAfter();

  /** The delay after the first failure beyond the free ones; doubles with each further one. */
  @WithDefault("1s")
  Duration baseDelay();

  /** The longest delay before the lockout. */
  @WithDefault("1m")
  Duration maxDelay();

  /** How long a user name or client address stays locked. */
  @WithDefault("15m")
  Duration lockout();

  /** Failure counts are forgotten this long after the last failure. */
  @WithDefault("15m")
  Duration forgetAfter();

  /** User names and addresses tracked at once; the least recently seen are forgotten first. */
  @WithDefault("100000")
  int maxTracked();

  /**
   * How long a verified password is remembered (as a salted digest, never the password), so that
   * the password hash is not recomputed on every request of a signed-in client; a changed users
   * file or a restart forgets it.
   */
  @WithDefault("5m")
  Duration cacheTtl();

  /** Verified credentials remembered at once; the least recently used are forgotten first. */
  @WithDefault("10000")
  int cacheSize();
}
