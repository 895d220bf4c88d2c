package io.groundwork.admission;

/**
 * A request refused because its pool is full: answered 429 with {@code Retry-After}. Nothing
 * was done for it.
 */
public final class AdmissionRejectedException extends RuntimeException {
  private final String pool;
  private final long retryAfterSeconds;

  public AdmissionRejectedException(String pool, String message, long retryAfterSeconds) {
    super(message);
    this.pool = pool;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The pool that refused. */
  public String pool() {
    return pool;
  }

  /** Seconds after which to try again (at least 1). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
