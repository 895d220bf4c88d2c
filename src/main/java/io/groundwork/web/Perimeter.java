package io.groundwork.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.security.SignInThrottledException;
import io.groundwork.security.SecurityConfig;
import io.groundwork.security.SecurityMode;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The HTTP perimeter, in front of every route (API, pages, static files, Swagger UI, errors):
 * security headers and caching on every response, JSON errors for what is refused before
 * JAX-RS sees a request (a URI or body over the limit, a failed sign-in, a path under
 * {@code /api} that names nothing).
 */
@ApplicationScoped
public class Perimeter {
  static final Response.Status TOO_MANY_REQUESTS = Response.Status.TOO_MANY_REQUESTS;
  static final String SIGN_IN_MESSAGE = "sign in with your user name and password";
  static final String SINGLE_SIGN_ON_MESSAGE =
      "sign in: send a bearer token from your identity provider, or open the page to sign in";

  /** The policy of the application's pages: no inline script or style, no framing. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /** Swagger UI starts itself with an inline script and inline styles. */
  static final String SWAGGER_UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline';"
      + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none';"
      + " base-uri 'none'; form-action 'self'";

  /** Before Quarkus's body limit (order -2) and the authentication of the request. */
  private static final int ORDER = -100;

  private final ObjectMapper json;
  private final int maxUriLength;
  private final long maxBodySize;

  public Perimeter(ObjectMapper json, WebConfig config) {
    this.json = json;
    this.maxUriLength = config.maxUriLength();
    this.maxBodySize = ConfigProvider.getConfig()
        .getOptionalValue("quarkus.http.limits.max-body-size", String.class)
        .map(size -> new MemorySizeConverter().convert(size).asLongValue())
        .orElse(Long.MAX_VALUE);
  }

  /** The realm of HTTP basic authentication ({@code quarkus.http.auth.realm}). */
  static String realm() {
    return ConfigProvider.getConfig()
        .getOptionalValue("quarkus.http.auth.realm", String.class).orElse("Groundwork");
  }

  /**
   * The challenge of a 401: HTTP basic authentication, so that a browser asks for credentials,
   * or in single sign-on a bearer token.
   */
  static String challenge() {
    return (singleSignOn() ? "Bearer" : "Basic") + " realm=\"" + realm() + "\"";
  }

  /** What a 401 tells the caller to do. */
  static String signInMessage() {
    return singleSignOn() ? SINGLE_SIGN_ON_MESSAGE : SIGN_IN_MESSAGE;
  }

  /** True when people sign in with an OIDC provider ({@code groundwork.security.mode=oidc}). */
  static boolean singleSignOn() {
    return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
        .getConfigMapping(SecurityConfig.class).mode() == SecurityMode.OIDC;
  }

  void routes(@Observes Router router) {
    router.route().order(ORDER).handler(this::front);
    router.route().order(ORDER).failureHandler(this::failure);
    router.route("/api/*").order(Integer.MAX_VALUE).handler(ctx -> send(ctx,
        Response.Status.NOT_FOUND, "no such resource: " + ctx.request().method() + " "
            + ctx.normalizedPath()));
  }

  private void front(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    ctx.addHeadersEndHandler(ignored -> secure(ctx.response().headers(), path));
    if (ctx.request().uri().length() > maxUriLength) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      send(ctx, Response.Status.REQUEST_URI_TOO_LONG,
          "the request URI is longer than " + maxUriLength + " characters");
      return;
    }
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && tooLarge(length)) {
      // The body is not read: the connection closes after the answer.
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      ctx.response().endHandler(ignored -> ctx.request().connection().close());
      send(ctx, Response.Status.REQUEST_ENTITY_TOO_LARGE,
          "the request body is larger than " + maxBodySize + " bytes");
      return;
    }
    ctx.next();
  }

  private boolean tooLarge(String length) {
    try {
      return Long.parseLong(length.strip()) > maxBodySize;
    } catch (NumberFormatException e) {
      return false; // the HTTP decoder refuses it
    }
  }

  private void failure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    SignInThrottledException throttled = throttled(failure);
    if (ctx.response().ended() || ctx.response().headWritten()) {
      ctx.next();
    } else if (throttled != null) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER,
          Long.toString(throttled.retryAfterSeconds()));
      send(ctx, TOO_MANY_REQUESTS, throttled.getMessage());
    } else if (failure instanceof AuthenticationFailedException
        || failure instanceof UnauthorizedException) {
      ctx.response().putHeader("WWW-Authenticate", challenge());
      send(ctx, Response.Status.UNAUTHORIZED, signInMessage());
    } else if (failure instanceof ForbiddenException) {
      send(ctx, Response.Status.FORBIDDEN, "you are not allowed to do this");
    } else {
      ctx.next();
    }
  }

  /** The sign-in throttle's refusal, if that is what {@code failure} is or wraps. */
  static SignInThrottledException throttled(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SignInThrottledException throttled) {
        return throttled;
      }
    }
    return null;
  }

  private void send(RoutingContext ctx, Response.Status status, String message) {
    send(ctx.response(), json, status, message);
  }

  /** Ends {@code response} with {@code status} and the JSON body every API error has. */
  static void send(HttpServerResponse response, ObjectMapper json, Response.Status status,
      String message) {
    String body;
    try {
      body = json.writeValueAsString(
          new ApiError(status.getStatusCode(), status.getReasonPhrase(), message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error", e);
    }
    response.setStatusCode(status.getStatusCode())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
  }

  /** The headers every response carries. */
  static void secure(MultiMap headers, String path) {
    boolean swaggerUi = path != null && path.startsWith("/q/swagger-ui");
    headers.set("Content-Security-Policy", swaggerUi ? SWAGGER_UI_CSP : CSP);
    headers.set("X-Frame-Options", "DENY");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set(HttpHeaders.CACHE_CONTROL, staticAsset(path) ? "private, no-cache" : "no-store");
  }

  /** Scripts, styles and images: revalidated before reuse, never kept by shared caches. */
  private static boolean staticAsset(String path) {
    if (path == null || path.startsWith("/api/")) {
      return false;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".js", ".css", ".png", ".svg", ".ico", ".woff2", ".map"}) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
