package io.groundwork.admission;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named pool of permits: at most {@code concurrency} holders at once, at most {@code queue}
 * callers waiting for a permit, each for at most {@code maxWait}. Waiting callers are served in
 * arrival order. Thread-safe.
 */
public final class PermitPool {
  /** Why a caller was refused, as the {@code reason} tag of the rejection counter. */
  public enum Rejection {
    /** The queue was full: refused without waiting. */
    QUEUE_FULL("queue_full"),
    /** No permit came free within the wait. */
    TIMEOUT("timeout");

    private final String label;

    Rejection(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Told about every refusal (e.g. to count it). */
  public interface RejectionListener {
    void rejected(String pool, Rejection reason);
  }

  /** A held permit; closing it lets the next caller in. Close exactly once. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private final String name;
  private final int concurrency;
  private final int queue;
  private final Duration maxWait;
  private final Semaphore permits;
  private final AtomicInteger waiting = new AtomicInteger();
  private final RejectionListener listener;

  public PermitPool(String name, int concurrency, int queue, Duration maxWait,
      RejectionListener listener) {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("pool name must be lower-case letters, digits and '-',"
          + " got " + name);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency of pool " + name + " must be at least 1,"
          + " got " + concurrency);
    }
    if (queue < 0) {
      throw new IllegalArgumentException("queue of pool " + name + " must be at least 0, got "
          + queue);
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("max-wait of pool " + name + " must not be negative,"
          + " got " + maxWait);
    }
    this.name = name;
    this.concurrency = concurrency;
    this.queue = queue;
    this.maxWait = maxWait;
    this.permits = new Semaphore(concurrency, true);
    this.listener = listener;
  }

  /**
   * A permit, at once when one is free, else after waiting in the queue.
   *
   * @throws AdmissionRejectedException when the queue is full (at once) or no permit came free
   *     within the wait
   */
  public Permit acquire() {
    if (permits.tryAcquire()) {
      return permit();
    }
    if (waiting.incrementAndGet() > queue) {
      waiting.decrementAndGet();
      throw reject(Rejection.QUEUE_FULL, "the server is busy answering others ("
          + concurrency + " at once, " + queue + " waiting); try again shortly");
    }
    try {
      if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw reject(Rejection.TIMEOUT, "the server is busy: no turn came free within "
            + maxWait.toMillis() + " ms; try again shortly");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw reject(Rejection.TIMEOUT, "interrupted while waiting for a turn");
    } finally {
      waiting.decrementAndGet();
    }
    return permit();
  }

  private Permit permit() {
    return new Permit() {
      private boolean closed;

      @Override
      public synchronized void close() {
        if (!closed) {
          closed = true;
          permits.release();
        }
      }
    };
  }

  private AdmissionRejectedException reject(Rejection reason, String message) {
    listener.rejected(name, reason);
    return new AdmissionRejectedException(name, message,
        Math.max(1, (maxWait.toMillis() + 999) / 1000));
  }

  public String name() {
    return name;
  }

  public int concurrency() {
    return concurrency;
  }

  public int queue() {
    return queue;
  }

  /** Permits held now. */
  public int inUse() {
    return concurrency - permits.availablePermits();
  }

  /** Callers waiting now. */
  public int waiting() {
    return waiting.get();
  }
}
