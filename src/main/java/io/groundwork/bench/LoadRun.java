package io.groundwork.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one request function from a number of concurrent clients until a total number of
 * requests is sent or a time limit passes, and collects every outcome. Each client sends its
 * next request as soon as the previous one is answered, after the back-off the reply asks for
 * (a closed loop). Clients run on virtual
 * threads named {@code load-client-N}.
 */
final class LoadRun {
  /** What one request ended with: its HTTP status (0 for a transport failure) and latency. */
  record Outcome(int status, long nanos) {}

  /** A response: its status, and how long the client waits before its next request. */
  record Reply(int status, Duration backOff) {
    static Reply of(int status) {
      return new Reply(status, Duration.ZERO);
    }
  }

  /** Sends one request; throws on a transport failure. */
  interface Request {
    Reply send() throws Exception;
  }

  /** All outcomes of a run, in no particular order, and how long it took. */
  record Result(List<Outcome> outcomes, Duration wallTime) {
    List<Outcome> withStatus(int status) {
      return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    long count(java.util.function.IntPredicate status) {
      return outcomes.stream().filter(o -> status.test(o.status())).count();
    }
  }

  private LoadRun() {}

  static Result run(Request request, int clients, int totalRequests, Duration timeLimit)
      throws InterruptedException {
    if (clients < 1 || totalRequests < 1) {
      throw new IllegalArgumentException("clients and requests must be at least 1, got "
          + clients + " and " + totalRequests);
    }
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger remaining = new AtomicInteger(totalRequests);
    long deadline = System.nanoTime() + timeLimit.toNanos();
    long start = System.nanoTime();
    try (ExecutorService executor = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("load-client-", 0).factory())) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(executor.submit(() -> {
          while (remaining.getAndDecrement() > 0 && System.nanoTime() - deadline < 0) {
            long t0 = System.nanoTime();
            Reply reply;
            try {
              reply = request.send();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            } catch (Exception e) {
              reply = Reply.of(0);
            }
            outcomes.add(new Outcome(reply.status(), System.nanoTime() - t0));
            if (reply.backOff().isPositive()) {
              try {
                Thread.sleep(reply.backOff()); // the client's back-off, outside the latency
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          }
        }));
      }
      executor.shutdown();
      if (!executor.awaitTermination(timeLimit.toNanos() + Duration.ofMinutes(2).toNanos(),
          TimeUnit.NANOSECONDS)) {
        running.forEach(f -> f.cancel(true));
      }
    }
    return new Result(List.copyOf(outcomes), Duration.ofNanos(System.nanoTime() - start));
  }

  /** The {@code q}-quantile (0..1) of the latencies in milliseconds, nearest rank; NaN if none. */
  static double quantileMillis(List<Outcome> outcomes, double q) {
    if (outcomes.isEmpty()) {
      return Double.NaN;
    }
    long[] nanos = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
    int rank = (int) Math.ceil(q * nanos.length);
    return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
  }
}
