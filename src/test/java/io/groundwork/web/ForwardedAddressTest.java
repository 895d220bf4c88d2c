package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted reverse proxy (the settings k8s/configmap.yaml gives), sign-in throttling
 * counts the client address the proxy forwards, not the proxy's own: one client guessing
 * passwords locks its own address and nobody else's. Here the test client on loopback plays the
 * proxy.
 */
@QuarkusTest
@TestProfile(ForwardedAddressTest.BehindProxy.class)
@Tag("app")
class ForwardedAddressTest {
  /** Loopback is the trusted proxy; an address is locked at its third failure. */
  public static class BehindProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true",
          "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
          "groundwork.security.sign-in.user-free-failures", "100",
          "groundwork.security.sign-in.user-lockout-after", "200",
          "groundwork.security.sign-in.address-free-failures", "2",
          "groundwork.security.sign-in.address-lockout-after", "3",
          "groundwork.security.sign-in.base-delay", "0s",
          "groundwork.security.sign-in.lockout", "1h");
    }
  }

  private static Response me(String forwardedFor, String user, String password) {
    return given().header("X-Forwarded-For", forwardedFor)
        .auth().preemptive().basic(user, password).when().get("/api/me");
  }

  @Test
  void aGuessingClientLocksItsOwnForwardedAddressOnly() {
    String guesser = "203.0.113.5";
    String colleague = "198.51.100.7";
    // Different user names, so that only the address counts.
    me(guesser, "alice", "guess-1").then().statusCode(401);
    me(guesser, "bob", "guess-2").then().statusCode(401);
    me(guesser, "carol", "guess-3").then().statusCode(401);
    Response locked = me(guesser, "dave", "dave-pass");
    locked.then().statusCode(429);
    assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();

    // Another client behind the same proxy signs in: the proxy's own address was not counted.
    me(colleague, "dave", "dave-pass").then().statusCode(200);

    String audit = given().auth().preemptive().basic("erin", "erin-pass")
        .header("X-Forwarded-For", colleague)
        .queryParam("user", "carol").when().get("/api/audit").asString();
    assertThat(audit).contains("sign-in.locked").contains(guesser).doesNotContain("127.0.0.1");
  }
}
