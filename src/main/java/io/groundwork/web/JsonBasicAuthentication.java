package io.groundwork.web;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

  public JsonBasicAuthentication(
      @ConfigProperty(name = "quarkus.http.auth.realm", defaultValue = "Groundwork") String realm,
      ObjectMapper json) {
    this.basic = new BasicAuthenticationMechanism(realm, false);
    this.json = json;
    this.challenge = "Basic realm=\"" + realm + "\"";
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
      String body;
      try {
        body = json.writeValueAsString(new ApiError(401,
            Response.Status.UNAUTHORIZED.getReasonPhrase(), Perimeter.SIGN_IN_MESSAGE));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write an error", e);
      }
      response.setStatusCode(401).putHeader(HttpHeaderNames.WWW_AUTHENTICATE, challenge)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
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
