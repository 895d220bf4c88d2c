package io.groundwork.web;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * challenge is written here.
 */
@ApplicationScoped
public class JsonBasicAuthentication implements HttpAuthenticationMechanism {
  private final BasicAuthenticationMechanism basic;
  private final ObjectMapper json;
  private final String challenge;

  public JsonBasicAuthentication(ObjectMapper json) {
    this.basic = new BasicAuthenticationMechanism(Perimeter.realm(), false);
    this.json = json;
    this.challenge = Perimeter.challenge();
  }

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context,
      IdentityProviderManager identityProviderManager) {
    return basic.authenticate(context, identityProviderManager);
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, challenge));
  }

  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
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
    return basic.getCredentialTransport(context);
  }

  @Override
  public int getPriority() {
    return basic.getPriority();
  }
}
