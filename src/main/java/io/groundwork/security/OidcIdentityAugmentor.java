package io.groundwork.security;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives a single sign-on identity (one whose principal is a token: the ID token of a web
 * session, the access token of an API call) the roles and access groups its claims map to
 * ({@link ClaimMapping}), as {@link CallerResolver} describes. The roles the OIDC extension read
 * from the token are dropped: only mapped claim values grant a role. A web session also gets
 * {@link #SIGN_OUT_URL_ATTRIBUTE}, the path that ends it. Other identities (built-in users,
 * anonymous requests) pass unchanged. Thread-safe.
 */
@ApplicationScoped
public class OidcIdentityAugmentor implements SecurityIdentityAugmentor {
  /** Identity attribute: where the person signs out (a path), for sessions that can end. */
  public static final String SIGN_OUT_URL_ATTRIBUTE = "groundwork.sign-out-url";

  private final ClaimMapping mapping;
  private final Optional<String> logoutPath;

  public OidcIdentityAugmentor(SecurityConfig config,
      @ConfigProperty(name = "quarkus.oidc.logout.path") Optional<String> logoutPath) {
    this.mapping = ClaimMapping.of(config);
    this.logoutPath = logoutPath;
  }

  @Override
  public Uni<SecurityIdentity> augment(SecurityIdentity identity,
      AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Uni.createFrom().item(identity);
    }
    Caller caller = mapping.caller(token.getName(), token::getClaim);
    QuarkusSecurityIdentity.Builder builder = CallerResolver.identity(caller)
        .setPrincipal(token)
        .addCredentials(identity.getCredentials())
        .addAttributes(identity.getAttributes())
        .addPermissionChecker(identity::checkPermission);
    if (identity.getCredential(IdTokenCredential.class) != null && logoutPath.isPresent()) {
      builder.addAttribute(SIGN_OUT_URL_ATTRIBUTE, logoutPath.get());
    }
    return Uni.createFrom().item(builder.build());
  }
}
