package io.groundwork.security;

/**
 * A sign-in refused before its password was checked, because its user name or client address
 * failed too often recently; answered 429 with {@code Retry-After}. Travels as the cause of the
 * authentication failure.
 */
public final class SignInThrottledException extends RuntimeException {
  private final long retryAfterSeconds;

  public SignInThrottledException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds until the next attempt may be checked (at least 1). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
