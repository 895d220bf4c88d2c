package io.groundwork.token;

import io.groundwork.security.CallerResolver;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks personal API tokens against {@link ApiTokens}. The identity is the token's owner with
 * the groups and roles the token carries, and the attribute {@link #TOKEN_ATTRIBUTE} naming the
 * token. Unknown, revoked and expired tokens fail alike.
 */
@ApplicationScoped
public class PersonalTokenIdentityProvider implements IdentityProvider<PersonalTokenRequest> {
  /** Identity attribute holding the id of the personal token the caller signed in with. */
  public static final String TOKEN_ATTRIBUTE = "groundwork.token-id";

  private final ApiTokens tokens;

  public PersonalTokenIdentityProvider(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Class<PersonalTokenRequest> getRequestType() {
    return PersonalTokenRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(PersonalTokenRequest request,
      AuthenticationRequestContext context) {
    return context.runBlocking(() -> {
      ApiTokens.Authenticated signedIn = tokens.authenticate(request.secret()).orElseThrow(() ->
          new AuthenticationFailedException("unknown, revoked or expired token"));
      return CallerResolver.identity(signedIn.caller())
          .addAttribute(TOKEN_ATTRIBUTE, signedIn.tokenId())
          .build();
    });
  }
}
