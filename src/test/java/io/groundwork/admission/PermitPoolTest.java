package io.groundwork.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PermitPoolTest {
  private final List<String> rejections = new ArrayList<>();

  private PermitPool pool(int concurrency, int queue, Duration wait) {
    return new PermitPool("answer", concurrency, queue, wait,
        (name, reason) -> rejections.add(name + ":" + reason.label()));
  }

  @Test
  void beyondTheQueueACallerIsRefusedAtOnce() {
    PermitPool pool = pool(1, 0, Duration.ofHours(1));
    try (PermitPool.Permit held = pool.acquire()) {
      assertThat(pool.inUse()).isEqualTo(1);
      assertThatThrownBy(pool::acquire).isInstanceOf(AdmissionRejectedException.class)
          .hasMessageContaining("busy").satisfies(e -> assertThat(
              ((AdmissionRejectedException) e).retryAfterSeconds()).isEqualTo(3600));
    }
    assertThat(rejections).containsExactly("answer:queue_full");
    pool.acquire().close();
    assertThat(pool.inUse()).isZero();
  }

  @Test
  void aQueuedCallerGetsTheTurnThatComesFree() throws Exception {
    PermitPool pool = pool(1, 1, Duration.ofHours(1));
    ExecutorService executor = Executors.newSingleThreadExecutor(
        Thread.ofPlatform().name("permit-pool-test").factory());
    try {
      PermitPool.Permit held = pool.acquire();
      CountDownLatch admitted = new CountDownLatch(1);
      CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
        try (PermitPool.Permit turn = pool.acquire()) {
          admitted.countDown();
        }
      }, executor);
      while (pool.waiting() == 0) {
        Thread.onSpinWait();
      }
      assertThatThrownBy(pool::acquire).isInstanceOf(AdmissionRejectedException.class);
      held.close();
      assertThat(admitted.await(10, TimeUnit.SECONDS)).isTrue();
      waiter.get(10, TimeUnit.SECONDS);
    } finally {
      executor.shutdownNow();
    }
    assertThat(rejections).containsExactly("answer:queue_full");
  }

  @Test
  void aCallerThatWaitsTooLongIsRefused() {
    PermitPool pool = pool(1, 1, Duration.ZERO);
    try (PermitPool.Permit held = pool.acquire()) {
      assertThatThrownBy(pool::acquire).isInstanceOf(AdmissionRejectedException.class)
          .hasMessageContaining("no turn came free");
    }
    assertThat(rejections).containsExactly("answer:timeout");
  }

  @Test
  void closingTwiceGivesBackOneTurn() {
    PermitPool pool = pool(1, 0, Duration.ZERO);
    PermitPool.Permit permit = pool.acquire();
    permit.close();
    permit.close();
    PermitPool.Permit again = pool.acquire();
    assertThatThrownBy(pool::acquire).isInstanceOf(AdmissionRejectedException.class);
    again.close();
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> pool(0, 0, Duration.ZERO))
        .hasMessage("concurrency of pool answer must be at least 1, got 0");
    assertThatThrownBy(() -> pool(1, -1, Duration.ZERO))
        .hasMessage("queue of pool answer must be at least 0, got -1");
  }
}
