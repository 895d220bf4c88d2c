package io.groundwork.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Single sign-on against the Keycloak of {@link KeycloakRealms}: groups from the
 * {@code groups} claim (no group mapping: each value is an access group of its name), roles from
 * the nested {@code realm_access.roles} through a role mapping, access tokens for this
 * application only.
 */
public class SingleSignOnProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("groundwork.security.mode", "oidc",
        "groundwork.security.roles-claim", "realm_access.roles",
        "groundwork.security.role-mapping.gw-agent", "agent",
        "groundwork.security.role-mapping.gw-auditor", "auditor",
        "groundwork.security.role-mapping.gw-admin", "admin",
        "quarkus.oidc.token.audience", KeycloakRealms.CLIENT_ID,
        // Uploads embed their text; a busy machine takes longer than the default 30 s.
        "quarkus.http.test-timeout", "120s");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(KeycloakRealms.class));
  }

  @Override
  public String getConfigProfile() {
    return "test";
  }
}
