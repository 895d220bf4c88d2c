package io.groundwork.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.openai.OpenAiError;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a personal API token from {@code Authorization: Bearer gwp_...}. Other credentials (a
 * bearer token without the prefix, basic credentials) are left to the other mechanisms, so this
 * one runs first and never stands in their way.
 */
@ApplicationScoped
public class PersonalTokenAuthentication implements HttpAuthenticationMechanism {
  private final ObjectMapper json;

  public PersonalTokenAuthentication(ObjectMapper json) {
    this.json = json;
  }

  private String body(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an error", e);
    }
  }
  private static final String BEARER = "bearer ";


  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context,
      IdentityProviderManager identityProviderManager) {
    String secret = secret(context);
    if (secret == null) {
      return Uni.createFrom().optional(Optional.empty());
    }
    return identityProviderManager.authenticate(new PersonalTokenRequest(secret));
  }

  /** The personal token the request carries, or null. */
  static String secret(RoutingContext context) {
    String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
    if (header == null || header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = header.substring(BEARER.length()).strip();
    return token.startsWith(ApiTokens.PREFIX) ? token : null;
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().nullItem();
  }

  /**
   * Answers for the OpenAI-compatible API ({@code /v1/...}) in that API's error format, with a
   * bearer challenge; elsewhere the challenge is left to the next mechanism.
   */
  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    if (!context.normalizedPath().startsWith("/v1/")) {
      return Uni.createFrom().item(false);
    }
    HttpServerResponse response = context.response();
    if (!response.ended()) {
      response.setStatusCode(401)
          .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"Groundwork\"")
          .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json")
          .end(body(OpenAiError.invalidApiKey().body()));
    }
    return Uni.createFrom().item(true);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(PersonalTokenRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom().item(new HttpCredentialTransport(
        HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
  }

  /**
   * Before basic authentication (and OIDC), so that it reads its own tokens first and its
   * challenge answers the OpenAI-compatible API.
   */
  @Override
  public int getPriority() {
    return 3000;
  }
}
