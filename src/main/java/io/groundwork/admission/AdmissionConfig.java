package io.groundwork.admission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Admission control ({@code groundwork.admission.*}): how many requests of a kind run at once,
 * how many may wait for a turn and for how long. A request that finds the queue full, or waits
 * longer than {@code max-wait}, is answered 429 with {@code Retry-After} at once; refusals are
 * counted in {@code groundwork_admission_rejected_total{pool, reason}}.
 */
@ConfigMapping(prefix = "groundwork.admission")
public interface AdmissionConfig {
  /** Answering questions ({@code POST /api/ask}, streamed or not): the pool {@code answer}. */
  Pool answer();

  /** The limits of one pool. */
  interface Pool {
    /**
     * Requests answered at once. Unset: the number of processors the JVM sees (answering is
     * CPU-bound: embedding and scoring; more at once only makes each slower).
     */
    Optional<Integer> concurrency();

    /** Requests that may wait for a turn. Unset: as many as {@code concurrency}. */
    Optional<Integer> queue();

    /** The longest a request waits for a turn before it is refused. */
    @WithDefault("2s")
    Duration maxWait();
  }
}
