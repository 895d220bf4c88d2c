package io.groundwork.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's permit pools by name. {@link #ANSWER} is configured by
 * {@code groundwork.admission.answer.*}; another capability (e.g. drafting) gets its own pool
 * with {@link #register}. Each pool publishes {@code groundwork_admission_in_use{pool}},
 * {@code groundwork_admission_waiting{pool}} and {@code
 * groundwork_admission_rejected_total{pool, reason=queue_full|timeout}}. Thread-safe.
 */
@ApplicationScoped
public class AdmissionControl {
  /** The pool of {@code POST /api/ask}. */
  public static final String ANSWER = "answer";

  private final MeterRegistry registry;
  private final Map<String, PermitPool> pools = new ConcurrentHashMap<>();

  public AdmissionControl(AdmissionConfig config, MeterRegistry registry) {
    this.registry = registry;
    register(ANSWER, config.answer());
  }

  /**
   * Creates the pool {@code name} with {@code settings}.
   *
   * @throws IllegalStateException when a pool of that name exists
   */
  public PermitPool register(String name, AdmissionConfig.Pool settings) {
    int concurrency = settings.concurrency().orElse(Runtime.getRuntime().availableProcessors());
    PermitPool pool = new PermitPool(name, concurrency, settings.queue().orElse(concurrency),
        settings.maxWait(), this::rejected);
    if (pools.putIfAbsent(name, pool) != null) {
      throw new IllegalStateException("admission pool " + name + " exists already");
    }
    for (PermitPool.Rejection reason : PermitPool.Rejection.values()) {
      counter(name, reason); // every series exists from the start
    }
    Gauge.builder("groundwork.admission.in.use", pool, PermitPool::inUse)
        .description("Requests running in an admission pool").tag("pool", name).register(registry);
    Gauge.builder("groundwork.admission.waiting", pool, PermitPool::waiting)
        .description("Requests waiting for a turn in an admission pool").tag("pool", name)
        .register(registry);
    return pool;
  }

  /**
   * The pool {@code name}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public PermitPool pool(String name) {
    PermitPool pool = pools.get(name);
    if (pool == null) {
      throw new IllegalArgumentException("no admission pool " + name + "; known: "
          + pools.keySet());
    }
    return pool;
  }

  private void rejected(String pool, PermitPool.Rejection reason) {
    counter(pool, reason).increment();
  }

  private Counter counter(String pool, PermitPool.Rejection reason) {
    return Counter.builder("groundwork.admission.rejected")
        .description("Requests refused by admission control (429), by pool and reason")
        .tag("pool", pool).tag("reason", reason.label()).register(registry);
  }
}
