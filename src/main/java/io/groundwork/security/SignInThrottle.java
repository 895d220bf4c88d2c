package io.groundwork.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per user name and per client address and decides when the next attempt
 * may be checked: free failures, then a delay that doubles with each failure, then a lockout
 * ({@link SignInConfig}). An attempt is {@linkplain #begin begun} before the password is
 * checked and then marked {@linkplain Attempt#succeeded() succeeded} or {@linkplain
 * Attempt#failed() failed}; once a key is past its free failures only one attempt at a time is
 * let through, so parallel guesses cannot slip in before the first failure is counted. At most
 * {@code maxTracked} keys are kept, least recently seen forgotten first. Thread-safe.
 */
public final class SignInThrottle {
  /** Limits of one kind of key. */
  public record Limits(int freeFailures, int lockoutAfter) {
    public Limits {
      if (freeFailures < 0) {
        throw new IllegalArgumentException("free failures must be at least 0, got " + freeFailures);
      }
      if (lockoutAfter <= freeFailures) {
        throw new IllegalArgumentException("lockout-after must be greater than the free failures ("
            + freeFailures + "), got " + lockoutAfter);
      }
    }
  }

  /** A lockout that a failure has just started: who, after how many failures, for how long. */
  public record Lockout(String kind, String key, int failures, Duration duration) {}

  private static final class Counter {
    int failures;
    int pending;
    long blockedUntil;
    long lastFailure;
  }

  private final Limits user;
  private final Limits address;
  private final long baseDelay;
  private final long maxDelay;
  private final long lockout;
  private final long forgetAfter;
  private final LongSupplier nanoTime;
  private final Map<String, Counter> counters;

  /** A throttle with the settings of {@code config}, on the system's monotonic clock. */
  public SignInThrottle(SignInConfig config) {
    this(new Limits(config.userFreeFailures(), config.userLockoutAfter()),
        new Limits(config.addressFreeFailures(), config.addressLockoutAfter()),
        config.baseDelay(), config.maxDelay(), config.lockout(), config.forgetAfter(),
        config.maxTracked(), System::nanoTime);
  }

  /** A throttle reading time from {@code nanoTime} (a monotonic clock in nanoseconds). */
  public SignInThrottle(Limits user, Limits address, Duration baseDelay, Duration maxDelay,
      Duration lockout, Duration forgetAfter, int maxTracked, LongSupplier nanoTime) {
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("delays must satisfy 0 <= base-delay <= max-delay, got "
          + baseDelay + " and " + maxDelay);
    }
    if (lockout.isNegative() || lockout.isZero() || forgetAfter.isNegative() || forgetAfter.isZero()) {
      throw new IllegalArgumentException("lockout and forget-after must be positive, got "
          + lockout + " and " + forgetAfter);
    }
    if (maxTracked < 1) {
      throw new IllegalArgumentException("max tracked must be at least 1, got " + maxTracked);
    }
    this.user = user;
    this.address = address;
    this.baseDelay = baseDelay.toNanos();
    this.maxDelay = maxDelay.toNanos();
    this.lockout = lockout.toNanos();
    this.forgetAfter = forgetAfter.toNanos();
    this.nanoTime = nanoTime;
    this.counters = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
        return size() > maxTracked;
      }
    };
  }

  /**
   * Begins a sign-in of {@code userName} from {@code clientAddress}.
   *
   * @throws SignInThrottledException when either must wait or is locked; nothing is counted
   */
  public synchronized Attempt begin(String userName, String clientAddress) {
    long now = nanoTime.getAsLong();
    Counter byUser = counter("user:" + userName, now);
    Counter byAddress = counter("address:" + clientAddress, now);
    long wait = Math.max(waitOf(byUser, user, now), waitOf(byAddress, address, now));
    if (wait > 0) {
      long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
      throw new SignInThrottledException("too many failed sign-ins; try again in " + seconds
          + (seconds == 1 ? " second" : " seconds"), seconds);
    }
    byUser.pending++;
    byAddress.pending++;
    return new Attempt(userName, clientAddress, byUser, byAddress);
  }

  /** Nanoseconds until {@code counter} may try again; 0 when it may now. */
  private static long waitOf(Counter counter, Limits limits, long now) {
    if (counter.blockedUntil - now > 0) {
      return counter.blockedUntil - now;
    }
    // Past the free failures, one attempt at a time.
    return counter.failures >= limits.freeFailures() && counter.pending > 0 ? 1_000_000_000L : 0;
  }

  private Counter counter(String key, long now) {
    Counter counter = counters.computeIfAbsent(key, k -> new Counter());
    if (counter.failures > 0 && counter.pending == 0 && now - counter.blockedUntil >= 0
        && now - counter.lastFailure > forgetAfter) {
      counter.failures = 0;
    }
    return counter;
  }

  /** One sign-in between its check and its outcome; mark it exactly once. */
  public final class Attempt {
    private final String userName;
    private final String clientAddress;
    private final Counter byUser;
    private final Counter byAddress;
    private boolean done;

    private Attempt(String userName, String clientAddress, Counter byUser, Counter byAddress) {
      this.userName = userName;
      this.clientAddress = clientAddress;
      this.byUser = byUser;
      this.byAddress = byAddress;
    }

    /** The password was right: the user's failures are cleared (the address's are kept). */
    public void succeeded() {
      synchronized (SignInThrottle.this) {
        finish();
        byUser.failures = 0;
        byUser.blockedUntil = 0;
      }
    }

    /** The password was not checked (e.g. an internal error): nothing is counted. */
    public void abandoned() {
      synchronized (SignInThrottle.this) {
        finish();
      }
    }

    /**
     * The password was wrong: counted against the user and the address.
     *
     * @return the lockouts this failure started (user, address or both), for the audit trail
     */
    public List<Lockout> failed() {
      synchronized (SignInThrottle.this) {
        finish();
        long now = nanoTime.getAsLong();
        List<Lockout> started = new ArrayList<>(2);
        fail(byUser, user, now).ifPresent(d -> started.add(
            new Lockout("user", userName, byUser.failures, d)));
        fail(byAddress, address, now).ifPresent(d -> started.add(
            new Lockout("address", clientAddress, byAddress.failures, d)));
        return started;
      }
    }

    private void finish() {
      if (done) {
        throw new IllegalStateException("the outcome of this sign-in attempt is already marked");
      }
      done = true;
      byUser.pending--;
      byAddress.pending--;
    }
  }

  /** Counts a failure; the lockout's duration when this failure starts one. */
  private Optional<Duration> fail(Counter counter, Limits limits, long now) {
    counter.failures++;
    counter.lastFailure = now;
    if (counter.failures >= limits.lockoutAfter()) {
      // No attempt is checked while locked, so every failure that gets here starts a lockout.
      counter.blockedUntil = now + lockout;
      return Optional.of(Duration.ofNanos(lockout));
    }
    int beyond = counter.failures - limits.freeFailures();
    if (beyond > 0) {
      long delay = baseDelay << Math.min(beyond - 1, 30);
      counter.blockedUntil = now + Math.min(delay < 0 ? maxDelay : delay, maxDelay);
    }
    return Optional.empty();
  }
}
