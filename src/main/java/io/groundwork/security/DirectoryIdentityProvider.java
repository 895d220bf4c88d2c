package io.groundwork.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks HTTP basic credentials against the {@link UserDirectory}. The identity carries the
 * user's roles and access groups as {@link CallerResolver} describes. Unknown users and wrong passwords fail alike.
 */
@ApplicationScoped
public class DirectoryIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
  private final UserDirectory users;

  public DirectoryIdentityProvider(UserDirectory users) {
    this.users = users;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> {
      Caller caller = users.authenticate(request.getUsername(), request.getPassword().getPassword())
          .orElseThrow(() -> new AuthenticationFailedException("unknown user or wrong password"));
      return CallerResolver.identity(caller)
          .addCredential(request.getPassword())
          .build();
    });
  }
}
