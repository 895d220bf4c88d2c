package io.groundwork.security;

import io.groundwork.audit.AuditTrail;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checks HTTP basic credentials against the {@link UserDirectory}. The identity carries the
 * user's roles and access groups as {@link CallerResolver} describes. Unknown users and wrong passwords fail alike. In front of the password hash:
 * a password verified within the cache's ttl is accepted from {@link VerifiedCredentials}; any
 * other attempt first passes the {@link SignInThrottle} (429 with {@code Retry-After} while the
 * user or the client address must wait), and a lockout it starts is recorded in the audit trail
 * as {@code sign-in.locked}.
 */
@ApplicationScoped
public class DirectoryIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
  private static final Logger LOG = Logger.getLogger(DirectoryIdentityProvider.class);

  private final UserDirectory users;
  private final SignInThrottle throttle;
  private final VerifiedCredentials verified;
  private final AuditTrail audit;

  public DirectoryIdentityProvider(UserDirectory users, SignInConfig config, AuditTrail audit) {
    this.users = users;
    this.throttle = new SignInThrottle(config);
    this.verified = new VerifiedCredentials(config.cacheTtl(), config.cacheSize(), System::nanoTime);
    this.audit = audit;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    String address = clientAddress(request);
    return context.runBlocking(() -> identity(
        check(request.getUsername(), request.getPassword().getPassword(), address), request));
  }

  private Caller check(String name, char[] password, String address) {
    Optional<String> stored = users.passwordHash(name);
    if (stored.isPresent() && verified.contains(name, stored.get(), password)) {
      return users.find(name).orElseThrow();
    }
    SignInThrottle.Attempt attempt;
    try {
      attempt = throttle.begin(name, address);
    } catch (SignInThrottledException e) {
      throw new AuthenticationFailedException(e.getMessage(), e);
    }
    Optional<Caller> caller;
    try {
      caller = users.authenticate(name, password);
    } catch (RuntimeException e) {
      attempt.abandoned();
      throw e;
    }
    if (caller.isEmpty()) {
      for (SignInThrottle.Lockout lockout : attempt.failed()) {
        recordLockout(lockout, name, address);
      }
      throw new AuthenticationFailedException("unknown user or wrong password");
    }
    attempt.succeeded();
    verified.remember(name, stored.orElseThrow(), password);
    return caller.get();
  }

  private void recordLockout(SignInThrottle.Lockout lockout, String name, String address) {
    LOG.warnf("sign-in locked for %s %s after %d failures, for %s", lockout.kind(), lockout.key(),
        lockout.failures(), lockout.duration());
    try {
      audit.recordAction(name, "sign-in.locked", Map.of("locked", lockout.kind(),
          "user", name, "address", address, "failures", lockout.failures(),
          "lockoutSeconds", lockout.duration().toSeconds()));
    } catch (RuntimeException e) {
      // The lockout holds whether or not it could be recorded.
      LOG.error("cannot record a sign-in lockout in the audit trail", e);
    }
  }

  private static SecurityIdentity identity(Caller caller,
      UsernamePasswordAuthenticationRequest request) {
    return CallerResolver.identity(caller)
        .addCredential(request.getPassword())
        .build();
  }

  /** The client's address (the forwarded one when the proxy settings allow it). */
  private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
    RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
    if (ctx == null || ctx.request().remoteAddress() == null) {
      return "unknown";
    }
    String host = ctx.request().remoteAddress().hostAddress();
    return host == null ? ctx.request().remoteAddress().host() : host;
  }
}
