package io.groundwork.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the claims of a single sign-on token into a {@link Caller}: the values of the groups
 * claim become access groups (each of the same name, or through the group mapping once one is
 * configured), the values of the roles claim (by default the groups claim) become roles through
 * the role mapping. Nothing else grants a role: a provider role named {@code admin} is no role
 * here unless it is mapped. Validated at construction (known roles, well-formed claim paths).
 * Immutable and thread-safe.
 */
public final class ClaimMapping {
  private final ClaimPath groupsClaim;
  private final ClaimPath rolesClaim;
  private final Map<String, List<String>> groupMapping;
  private final Map<String, List<String>> roleMapping;

  /**
   * @param groupMapping claim value to access groups; empty: every value is a group of its name
   * @param roleMapping claim value to roles
   * @throws IllegalArgumentException naming an unknown role
   */
  public ClaimMapping(ClaimPath groupsClaim, ClaimPath rolesClaim,
      Map<String, List<String>> groupMapping, Map<String, List<String>> roleMapping) {
    this.groupsClaim = groupsClaim;
    this.rolesClaim = rolesClaim;
    this.groupMapping = copy(groupMapping);
    this.roleMapping = copy(roleMapping);
    this.roleMapping.forEach((value, roles) -> Roles.requireKnown(Set.copyOf(roles),
        "groundwork.security.role-mapping.\"" + value + "\""));
  }

  /** The mapping the settings describe. */
  public static ClaimMapping of(SecurityConfig config) {
    ClaimPath groups = new ClaimPath(config.groupsClaim());
    ClaimPath roles = config.rolesClaim().map(ClaimPath::new).orElse(groups);
    return new ClaimMapping(groups, roles, config.groupMapping(), config.roleMapping());
  }

  /**
   * The caller named {@code name} whose token has {@code claims}.
   *
   * @param claims a token's top-level claims by name (null when absent)
   */
  public Caller caller(String name, Function<String, Object> claims) {
    Set<String> groups = new LinkedHashSet<>();
    for (String value : groupsClaim.values(claims)) {
      if (groupMapping.isEmpty()) {
        if (!value.isBlank()) {
          groups.add(value);
        }
      } else {
        groups.addAll(groupMapping.getOrDefault(value, List.of()));
      }
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String value : rolesClaim.values(claims)) {
      roles.addAll(roleMapping.getOrDefault(value, List.of()));
    }
    return new Caller(name, groups, roles);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> mapping) {
    Map<String, List<String>> out = new TreeMap<>();
    mapping.forEach((value, targets) -> out.put(value,
        targets.stream().map(String::strip).filter(t -> !t.isEmpty()).toList()));
    return Map.copyOf(out);
  }
}
