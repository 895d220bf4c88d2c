package io.groundwork.security;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.runtime.CodeAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens of single sign-on web sessions, kept on the server: the session cookie holds only
 * a random session id (256 bits), so that signing out ends the session for good. Quarkus's
 * default keeps the tokens in the (encrypted) cookie itself, where a copy taken before sign-out
 * would stay valid until its ID token expired. Signing out ({@code /logout}) deletes the entry;
 * an entry also ends when the cookie's maximum age passes. A restart of the application ends
 * every session (people sign in again, usually without a password while the provider's session
 * lasts); several replicas need sticky sessions. Thread-safe.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ServerSideSessions implements TokenStateManager {
  /** When the OIDC extension does not say how long the cookie lives. */
  private static final Duration DEFAULT_AGE = Duration.ofHours(1);

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  public ServerSideSessions() {
    this(Clock.systemUTC());
  }

  ServerSideSessions(Clock clock) {
    this.clock = clock;
  }

  private record Session(AuthorizationCodeTokens tokens, Instant expires) {}

  @Override
  public Uni<String> createTokenState(RoutingContext routingContext, OidcTenantConfig oidcConfig,
      AuthorizationCodeTokens tokens, OidcRequestContext<String> requestContext) {
    Object maxAge = routingContext.get(CodeAuthenticationMechanism.SESSION_MAX_AGE_PARAM);
    return Uni.createFrom().item(
        open(tokens, maxAge instanceof Long seconds ? Duration.ofSeconds(seconds) : DEFAULT_AGE));
  }

  @Override
  public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext,
      OidcTenantConfig oidcConfig, String tokenState,
      OidcRequestContext<AuthorizationCodeTokens> requestContext) {
    AuthorizationCodeTokens tokens = tokens(tokenState);
    return tokens == null
        ? Uni.createFrom().failure(
            new AuthenticationFailedException("the session has ended: sign in again"))
        : Uni.createFrom().item(tokens);
  }

  @Override
  public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
      String tokenState, OidcRequestContext<Void> requestContext) {
    end(tokenState);
    return Uni.createFrom().voidItem();
  }

  /** Keeps {@code tokens} for {@code age}; returns the new session's id. Sweeps ended ones. */
  String open(AuthorizationCodeTokens tokens, Duration age) {
    if (tokens == null) {
      throw new IllegalArgumentException("tokens must not be null");
    }
    if (age == null || age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("age must be positive, got " + age);
    }
    Instant now = clock.instant();
    sessions.values().removeIf(session -> !session.expires().isAfter(now));
    String id = newId();
    sessions.put(id, new Session(tokens, now.plus(age)));
    return id;
  }

  /** The tokens of session {@code id}, or null when there is no such session or it has ended. */
  AuthorizationCodeTokens tokens(String id) {
    Session session = id == null ? null : sessions.get(id);
    if (session == null) {
      return null;
    }
    if (!session.expires().isAfter(clock.instant())) {
      sessions.remove(id, session);
      return null;
    }
    return session.tokens();
  }

  /** Ends session {@code id}; nothing happens when there is none. */
  void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  /** Sessions held now, expired ones not yet swept included. */
  int size() {
    return sessions.size();
  }

  private String newId() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
