package io.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ClaimMappingTest {
  private static Function<String, Object> claims(Map<String, Object> claims) {
    return claims::get;
  }

  @Test
  void withoutAMappingEachGroupValueIsAnAccessGroupAndNobodyHasARole() {
    ClaimMapping mapping = new ClaimMapping(new ClaimPath("groups"), new ClaimPath("groups"),
        Map.of(), Map.of());
    Caller caller = mapping.caller("alice",
        claims(Map.of("groups", Json.createArrayBuilder().add("hr").add("admin").build())));
    assertThat(caller.groups()).containsExactlyInAnyOrder("hr", "admin", "everyone");
    assertThat(caller.roles()).containsExactly("employee");
  }

  @Test
  void aTokenWithoutTheClaimHasNoGroups() {
    ClaimMapping mapping = new ClaimMapping(new ClaimPath("groups"), new ClaimPath("groups"),
        Map.of(), Map.of("admins", List.of("admin")));
    Caller caller = mapping.caller("bob", claims(Map.of("sub", "123")));
    assertThat(caller.groups()).containsExactly("everyone");
    assertThat(caller.roles()).containsExactly("employee");
  }

  @Test
  void nestedPathsCollectionsAndMappedValues() {
    ClaimMapping mapping = new ClaimMapping(new ClaimPath("groups"),
        new ClaimPath("realm_access.roles"), Map.of("/Staff/HR", List.of("hr", "payroll")),
        Map.of("gw-auditor", List.of("auditor"), "gw-admin", List.of("admin", "auditor")));
    Map<String, Object> token = Map.of(
        "groups", Set.of("/Staff/HR", "/Staff/Unmapped"),
        "realm_access", Json.createObjectBuilder().add("roles",
            Json.createArrayBuilder().add("gw-admin").add("offline_access").add("admin")).build());
    Caller caller = mapping.caller("erin", claims(token));
    assertThat(caller.groups()).containsExactlyInAnyOrder("hr", "payroll", "everyone");
    assertThat(caller.roles()).containsExactlyInAnyOrder("employee", "admin", "auditor");
  }

  @Test
  void aClaimNamedWithDotsIsFoundByItsNameFirst() {
    ClaimPath path = new ClaimPath("https://example.com/groups");
    assertThat(path.values(claims(Map.of("https://example.com/groups", List.of("finance")))))
        .containsExactly("finance");
    assertThat(new ClaimPath("a.b").values(claims(Map.of("a", Map.of("b", "single")))))
        .containsExactly("single");
    assertThat(new ClaimPath("a.b").values(claims(Map.of("a", "not an object")))).isEmpty();
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> new ClaimMapping(new ClaimPath("groups"), new ClaimPath("groups"),
        Map.of(), Map.of("auditors", List.of("auditer"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groundwork.security.role-mapping.\"auditors\": unknown role 'auditer';"
            + " known roles: employee, agent, auditor, admin");
    assertThatThrownBy(() -> new ClaimPath("realm_access..roles"))
        .hasMessage("claim path 'realm_access..roles' has an empty segment");
    assertThatThrownBy(() -> new ClaimPath(" ")).hasMessage("claim path must not be blank");
  }
}
