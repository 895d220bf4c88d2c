package io.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
  private final OriginPolicy policy = new OriginPolicy(List.of("https://groundwork.example.com"));

  @Test
  void theServersOwnOriginIsAllowedWithItsPortExplicitOrNot() {
    assertThat(policy.allows("http://localhost:8080", "http", "localhost:8080")).isTrue();
    assertThat(policy.allows("http://LOCALHOST:8080", "http", "localhost:8080")).isTrue();
    assertThat(policy.allows("http://intranet", "http", "intranet:80")).isTrue();
    assertThat(policy.allows("http://localhost:8080/index.html?q=1", "http", "localhost:8080"))
        .isTrue();
  }

  @Test
  void anotherPortSchemeOrHostIsNot() {
    assertThat(policy.allows("http://localhost:9999", "http", "localhost:8080")).isFalse();
    assertThat(policy.allows("https://localhost:8080", "http", "localhost:8080")).isFalse();
    assertThat(policy.allows("http://evil.example", "http", "localhost:8080")).isFalse();
    assertThat(policy.allows("null", "http", "localhost:8080")).isFalse();
    assertThat(policy.allows("", "http", "localhost:8080")).isFalse();
  }

  @Test
  void configuredOriginsAreAllowed() {
    assertThat(policy.allows("https://groundwork.example.com", "http", "10.0.0.5:8080")).isTrue();
    assertThat(policy.allows("https://groundwork.example.com:443", "http", "10.0.0.5:8080"))
        .isTrue();
    assertThatThrownBy(() -> new OriginPolicy(List.of("groundwork.example.com")))
        .hasMessage("allowed origin must be scheme://host[:port], got 'groundwork.example.com'");
  }
}
