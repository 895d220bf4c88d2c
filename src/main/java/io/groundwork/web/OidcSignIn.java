package io.groundwork.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
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
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * Single sign-on as the OIDC extension does it (web pages by the authorization-code flow, API
 * calls by bearer tokens, both validated against the issuer), with the API's own challenge: a
 * request to the API ({@code /api/*}, {@code /q/metrics}, {@code /q/openapi}) without valid
 * credentials gets 401 with the JSON body every API error has and a {@code Bearer} challenge,
 * never a redirect to the provider's sign-in page, which only pages get. In the built-in mode the
 * OIDC tenant is disabled and this mechanism authenticates nobody.
 *
 * <p>It runs just before the extension's own mechanism (which stays registered: replacing it
 * with a CDI alternative would also hide the built-in mode's basic mechanism from Quarkus's
 * lookup), so that it is the one that authenticates a token or a session and answers a failure;
 * the extension's mechanism only sees requests without credentials, and finds none.
 */
@ApplicationScoped
public class OidcSignIn implements HttpAuthenticationMechanism {
  private static final String SELECTED = HttpAuthenticationMechanism.class.getName();

  private final OidcAuthenticationMechanism oidc;
  private final ObjectMapper json;

  public OidcSignIn(OidcAuthenticationMechanism oidc, ObjectMapper json) {
    this.oidc = oidc;
    this.json = json;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context,
      IdentityProviderManager identityProviderManager) {
    // The extension names itself as the mechanism whose challenge answers a failure; this one
    // takes its place so that API calls are answered in JSON.
    return oidc.authenticate(context, identityProviderManager)
        .invoke(() -> takeOver(context))
        .onFailure().invoke(() -> takeOver(context));
  }

  private void takeOver(RoutingContext context) {
    if (context.get(SELECTED) instanceof OidcAuthenticationMechanism) {
      context.put(SELECTED, this);
    }
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return oidc.getChallenge(context);
  }

  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    if (!Perimeter.singleSignOn() || !isApi(context.normalizedPath())) {
      return oidc.sendChallenge(context);
    }
    HttpServerResponse response = context.response();
    if (!response.ended()) {
      response.putHeader(HttpHeaderNames.WWW_AUTHENTICATE, Perimeter.challenge());
      Perimeter.send(response, json, Response.Status.UNAUTHORIZED, Perimeter.signInMessage());
    }
    return Uni.createFrom().item(true);
  }

  /** Paths called by programs, not opened by people: no redirect to a sign-in page. */
  static boolean isApi(String path) {
    return path != null && (path.startsWith("/api/") || path.equals("/api")
        || path.startsWith("/q/metrics") || path.startsWith("/q/openapi"));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return oidc.getCredentialTypes();
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return oidc.getCredentialTransport(context);
  }

  @Override
  public int getPriority() {
    return oidc.getPriority() + 1;
  }
}
