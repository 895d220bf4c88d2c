package io.groundwork.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Refuses forged state-changing requests before they are authenticated, so a page of another
 * origin cannot make a browser upload, ask or start a run with its user's basic-auth credentials
 * or session cookie ({@link CsrfConfig}). In order, for POST, PUT, PATCH and DELETE:
 *
 * <ol>
 *   <li>{@code Origin}, or when absent the origin of {@code Referer}, must be allowed by the
 *       {@link OriginPolicy}: otherwise 403. A request that names no origin is a non-browser
 *       client and passes (browsers send {@code Origin} on every cross-origin POST).
 *   <li>With a session cookie, the token header must equal the token cookie (double submit: a
 *       page of another origin can neither read the cookie nor set the header without CORS,
 *       which this server does not grant): otherwise 403.
 *   <li>Under {@code /api/}, a request with a body must say its {@code Content-Type}: otherwise
 *       415 (the endpoints then check that it is the type they take).
 * </ol>
 *
 * The token cookie is issued on any response to a request that has a session cookie and no
 * token yet. Thread-safe.
 */
@ApplicationScoped
public class CsrfGuard {
  /** After the perimeter's limits, before authentication. */
  private static final int ORDER = -99;
  private static final Set<HttpMethod> STATE_CHANGING =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private final ObjectMapper json;
  private final OriginPolicy origins;
  private final List<String> sessionCookies;
  private final String tokenCookie;
  private final String tokenHeader;
  private final SecureRandom random = new SecureRandom();

  public CsrfGuard(ObjectMapper json, CsrfConfig config) {
    this.json = json;
    this.origins = new OriginPolicy(config.allowedOrigins().orElse(List.of()));
    this.sessionCookies = List.copyOf(config.sessionCookies());
    this.tokenCookie = config.tokenCookie();
    this.tokenHeader = config.tokenHeader();
  }

  void routes(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    boolean session = hasSessionCookie(ctx);
    String token = session ? tokenCookie(ctx) : null;
    if (session && token == null) {
      issueToken(ctx);
    }
    if (!STATE_CHANGING.contains(request.method())) {
      ctx.next();
      return;
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String named = origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
    if (named != null && !origins.allows(named, request.scheme(), request.authority() == null
        ? request.getHeader(HttpHeaders.HOST) : request.authority().toString())) {
      refuse(ctx, Response.Status.FORBIDDEN, "cross-origin request refused: "
          + (origin != null ? "Origin " : "Referer ") + named
          + " may not send " + request.method() + " to this server");
      return;
    }
    if (session && !matches(token, request.getHeader(tokenHeader))) {
      refuse(ctx, Response.Status.FORBIDDEN, "this request needs the CSRF token: send the value"
          + " of the cookie " + cookieName(request) + " in the header " + tokenHeader);
      return;
    }
    if (ctx.normalizedPath().startsWith("/api/") && hasBody(request)
        && request.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
      refuse(ctx, Response.Status.UNSUPPORTED_MEDIA_TYPE, "a request body needs a Content-Type:"
          + " send application/json (or multipart/form-data to upload a file)");
      return;
    }
    ctx.next();
  }

  private boolean hasSessionCookie(RoutingContext ctx) {
    for (Cookie cookie : ctx.request().cookies()) {
      for (String name : sessionCookies) {
        if (cookie.getName().equals(name) || cookie.getName().startsWith(name + "_")) {
          return true;
        }
      }
    }
    return false;
  }

  private String tokenCookie(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(cookieName(ctx.request()));
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }

  /** {@code __Host-} keeps a sibling subdomain from planting the cookie; it needs HTTPS. */
  private String cookieName(HttpServerRequest request) {
    return request.isSSL() || "https".equals(request.scheme()) ? "__Host-" + tokenCookie
        : tokenCookie;
  }

  private void issueToken(RoutingContext ctx) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    boolean secure = cookieName(ctx.request()).startsWith("__Host-");
    ctx.response().addCookie(Cookie.cookie(cookieName(ctx.request()),
            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
        .setPath("/").setSameSite(CookieSameSite.STRICT).setSecure(secure).setHttpOnly(false));
  }

  private static boolean matches(String expected, String sent) {
    return expected != null && sent != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), sent.strip().getBytes(StandardCharsets.UTF_8));
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return (length != null && !length.strip().equals("0"))
        || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
  }

  private void refuse(RoutingContext ctx, Response.Status status, String message) {
    Perimeter.send(ctx.response(), json, status, message);
  }
}
