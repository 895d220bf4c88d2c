package io.groundwork.web;

import io.groundwork.testing.KeycloakServer;
import io.groundwork.testing.PackagedApp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A real Keycloak for {@link SingleSignOnTest}, started before the application and stopped after
 * it: realm {@code groundwork} (test resource {@code keycloak/groundwork-realm.json}: users,
 * groups, realm roles, the confidential client {@code groundwork} with a group-membership
 * mapper) signing with an RSA key made here, so that the test can sign tokens the realm would
 * (an expired one), and realm {@code elsewhere}, another issuer. The application's port is chosen
 * here because the client's redirect URIs name it.
 */
public class KeycloakRealms implements QuarkusTestResourceLifecycleManager {
  static final String CLIENT_ID = "groundwork";
  static final String SECRET = UUID.randomUUID().toString();

  private static KeycloakServer server;
  private static KeyPair realmKey;

  @Override
  public Map<String, String> start() {
    try {
      realmKey = rsaKey();
      int appPort = PackagedApp.freePort();
      Map<String, String> values = Map.of("APP_PORT", Integer.toString(appPort),
          "CLIENT_SECRET", SECRET,
          "PRIVATE_KEY", Base64.getEncoder().encodeToString(realmKey.getPrivate().getEncoded()));
      server = KeycloakServer.start(Map.of(
          "groundwork-realm.json", KeycloakServer.realm("/keycloak/groundwork-realm.json", values),
          "elsewhere-realm.json", KeycloakServer.realm("/keycloak/elsewhere-realm.json", values)),
          "groundwork");
      return Map.of("quarkus.http.test-port", Integer.toString(appPort),
          "quarkus.oidc.auth-server-url", server.issuer("groundwork"),
          "quarkus.oidc.client-id", CLIENT_ID,
          "quarkus.oidc.credentials.secret", SECRET);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  static KeycloakServer server() {
    return server;
  }

  /** The key the realm {@code groundwork} signs its tokens with. */
  static KeyPair realmKey() {
    return realmKey;
  }

  static KeyPair rsaKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
