package io.groundwork.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns the request's security identity into a {@link Caller}. */
@ApplicationScoped
public class CallerResolver {
  /** The authenticated caller; anonymous requests are refused. */
  public Caller caller(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      throw new UnauthorizedException("authentication required");
    }
    return new Caller(identity.getPrincipal().getName(), identity.getRoles());
  }
}
