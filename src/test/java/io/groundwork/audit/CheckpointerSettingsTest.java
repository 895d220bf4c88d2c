package io.groundwork.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointerSettingsTest {
  private static AuditConfig config(int every, Duration interval) {
    return new AuditConfig() {
      @Override
      public Optional<Path> signingKeyFile() {
        return Optional.empty();
      }

      @Override
      public Path checkpointDir() {
        return Path.of("target/unused");
      }

      @Override
      public int checkpointEvery() {
        return every;
      }

      @Override
      public Duration checkpointInterval() {
        return interval;
      }

      @Override
      public boolean revealEnabled() {
        return true;
      }
    };
  }

  @Test
  void settingsOutOfRangeAreRefusedAtConstruction() {
    assertThatThrownBy(() -> new Checkpointer(config(0, Duration.ofSeconds(30)), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groundwork.audit.checkpoint-every must be at least 1, got 0");
    assertThatThrownBy(() -> new Checkpointer(config(100, Duration.ofMillis(500)), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groundwork.audit.checkpoint-interval must be at least 1s, got PT0.5S");
  }
}
