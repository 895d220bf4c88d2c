package io.groundwork.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Identity settings ({@code groundwork.security.*}): how people sign in, and in single sign-on
 * how the claims of their tokens become access groups and roles. The provider itself is set with
 * the standard {@code quarkus.oidc.*} settings ({@code auth-server-url}, {@code client-id},
 * {@code credentials.secret}; see docs/identity.md).
 */
@ConfigMapping(prefix = "groundwork.security")
public interface SecurityConfig {
  /**
   * How people sign in: {@code builtin} (the users file, HTTP basic auth) or {@code oidc} (single
   * sign-on: the web pages by the authorization-code flow, the API by bearer tokens, built-in
   * users off; needs {@code quarkus.oidc.auth-server-url}, {@code quarkus.oidc.client-id} and
   * {@code quarkus.oidc.credentials.secret}).
   */
  @WithDefault("builtin")
  SecurityMode mode();

  /**
   * YAML file with the built-in users. When unset, the demo users shipped in the application
   * ({@code users.yaml} on the class path) are used; replace them before going live.
   */
  Optional<String> usersFile();

  /**
   * Single sign-on: the token claim whose values are the person's groups, a claim name or a
   * dotted path into nested claims ({@code realm_access.roles}); a claim whose own name contains
   * dots is found by that name first. A token without the claim has no groups.
   */
  @WithDefault("groups")
  String groupsClaim();

  /**
   * Single sign-on: the token claim whose values {@code role-mapping} maps to roles (a name or a
   * dotted path, as for {@code groups-claim}). Unset: the values of {@code groups-claim}.
   */
  Optional<String> rolesClaim();

  /**
   * Single sign-on: claim value to access groups ({@code group-mapping."/Staff/HR"=hr}). Empty
   * (the default): each value of {@code groups-claim} is an access group of the same name. Once
   * any value is mapped, only mapped values give access groups.
   */
  Map<String, List<String>> groupMapping();

  /**
   * Single sign-on: claim value to roles ({@code role-mapping.compliance=auditor}); the roles
   * are {@code agent}, {@code auditor} and {@code admin} (everyone signed in is an
   * {@code employee}). Empty (the default): nobody has a role beyond employee. The provider's own
   * role names never grant a role unless they are mapped here.
   */
  Map<String, List<String>> roleMapping();
}
