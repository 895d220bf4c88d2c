package io.groundwork.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the request's security identity into a {@link Caller}, and a caller into an identity.
 * An identity carries the caller's {@link Roles roles} as its roles (so that
 * {@code @RolesAllowed} checks them) and the access groups in the attribute
 * {@link #GROUPS_ATTRIBUTE}; every identity provider builds identities through
 * {@link #identity}.
 */
@ApplicationScoped
public class CallerResolver {
  /** Identity attribute holding the caller's access groups, a {@code Set<String>}. */
  public static final String GROUPS_ATTRIBUTE = "groundwork.groups";

  /** The authenticated caller; anonymous requests are refused. */
  public Caller caller(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      throw new UnauthorizedException("authentication required");
    }
    Set<String> groups = identity.getAttribute(GROUPS_ATTRIBUTE);
    return new Caller(identity.getPrincipal().getName(), groups == null ? Set.of() : groups,
        Roles.requireKnown(roleNames(identity), "identity"));
  }

  /** The identity of {@code caller}, for identity providers to complete and build. */
  public static QuarkusSecurityIdentity.Builder identity(Caller caller) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(caller.name()))
        .addRoles(caller.roles())
        .addAttribute(GROUPS_ATTRIBUTE, caller.groups());
  }

  private static Set<String> roleNames(SecurityIdentity identity) {
    return identity.getRoles().stream().filter(Roles.ALL::contains)
        .collect(Collectors.toUnmodifiableSet());
  }
}
