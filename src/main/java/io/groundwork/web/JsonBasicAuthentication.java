package io.groundwork.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.security.SecurityConfig;
import io.groundwork.security.SecurityMode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * HTTP basic authentication whose challenge is a JSON error: a request without credentials, or
 * with wrong ones, gets 401 with {@code WWW-Authenticate: Basic realm="..."} (so a browser asks)
 * and the body every API error has. Quarkus's own basic mechanism does the work; only the
 * challenge is written here. With single sign-on ({@code groundwork.security.mode=oidc}) the
 * built-in users are off: this mechanism then authenticates nobody and leaves the challenge to
 * {@link OidcSignIn}.
 */
@ApplicationScoped
public class JsonBasicAuthentication implements HttpAuthenticationMechanism {
  private final BasicAuthenticationMechanism basic;
  private final ObjectMapper json;
  private final String challenge;
  private final boolean enabled;

  public JsonBasicAuthentication(ObjectMapper json, SecurityConfig security) {
    this.basic = new BasicAuthenticationMechanism(Perimeter.realm(), false);
    this.json = json;
    this.challenge = Perimeter.challenge();
    this.enabled = security.mode() == SecurityMode.BUILTIN;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context,
      IdentityProviderManager identityProviderManager) {
    if (!enabled) {
      return Uni.createFrom().nullItem();
    }
    return basic.authenticate(context, identityProviderManager);
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    if (!enabled) {
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, challenge));
  }

  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    // The OpenAI-compatible API (/v1) is answered in its own error format by the token mechanism.
    if (!enabled || context.normalizedPath().startsWith("/v1/")) {
      return Uni.createFrom().item(false);
    }
    HttpServerResponse response = context.response();
    if (!response.ended()) {
      response.putHeader(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
      Perimeter.send(response, json, Response.Status.UNAUTHORIZED, Perimeter.SIGN_IN_MESSAGE);
    }
    return Uni.createFrom().item(true);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return basic.getCredentialTypes();
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    if (!enabled) {
      return Uni.createFrom().nullItem();
    }
    return basic.getCredentialTransport(context);
  }

  @Override
  public int getPriority() {
    return basic.getPriority();
  }
}
