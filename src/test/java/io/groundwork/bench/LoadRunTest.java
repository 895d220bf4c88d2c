package io.groundwork.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadRunTest {
  @Test
  void everyRequestIsSentOnceAndItsOutcomeKept() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    LoadRun.Result result = LoadRun.run(() -> LoadRun.Reply.of(sent.incrementAndGet() % 3 == 0 ? 429 : 200), 4, 30,
        Duration.ofMinutes(1));
    assertThat(sent.get()).isEqualTo(30);
    assertThat(result.outcomes()).hasSize(30);
    assertThat(result.withStatus(429)).hasSize(10);
    assertThat(result.withStatus(200)).hasSize(20);
  }

  @Test
  void aTransportFailureIsStatusZero() throws Exception {
    LoadRun.Result result = LoadRun.run(() -> {
      throw new java.io.IOException("connection refused");
    }, 2, 4, Duration.ofMinutes(1));
    assertThat(result.count(s -> s == 0)).isEqualTo(4);
  }

  @Test
  void quantilesAreNearestRank() {
    List<LoadRun.Outcome> outcomes = List.of(new LoadRun.Outcome(200, 4_000_000),
        new LoadRun.Outcome(200, 1_000_000), new LoadRun.Outcome(200, 3_000_000),
        new LoadRun.Outcome(200, 2_000_000));
    assertThat(LoadRun.quantileMillis(outcomes, 0.5)).isEqualTo(2.0);
    assertThat(LoadRun.quantileMillis(outcomes, 0.95)).isEqualTo(4.0);
    assertThat(LoadRun.quantileMillis(outcomes, 0.0)).isEqualTo(1.0);
    assertThat(LoadRun.quantileMillis(List.of(), 0.5)).isNaN();
  }
}
