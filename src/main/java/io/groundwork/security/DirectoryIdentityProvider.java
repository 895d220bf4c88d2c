package io.groundwork.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks HTTP basic credentials against the {@link UserDirectory}. A user's groups become the
 * identity's roles. Unknown users and wrong passwords fail alike.
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
      return QuarkusSecurityIdentity.builder()
          .setPrincipal(new QuarkusPrincipal(caller.name()))
          .addRoles(caller.groups())
          .addCredential(request.getPassword())
          .build();
    });
  }
}
