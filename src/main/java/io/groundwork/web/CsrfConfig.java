package io.groundwork.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Protection against cross-site request forgery ({@code groundwork.web.csrf.*}): a browser must
 * not be made to change anything for its signed-in user from another site. Every state-changing
 * request (POST, PUT, PATCH, DELETE) that names its origin ({@code Origin}, or {@code Referer}
 * when a browser left {@code Origin} out) must come from the server's own origin or one of
 * {@code allowed-origins}; a request authenticated by a session cookie must also carry the
 * double-submit token; a JSON endpoint must be sent {@code Content-Type: application/json}.
 * Clients that send neither {@code Origin} nor {@code Referer} nor a session cookie (curl, SDKs
 * with basic auth or a bearer token) are not affected by the first two checks.
 */
@ConfigMapping(prefix = "groundwork.web.csrf")
public interface CsrfConfig {
  /**
   * Origins besides the server's own (the scheme, host and port the request was sent to) from
   * which browsers may send state-changing requests, e.g. {@code https://groundwork.example.com}
   * when a TLS proxy in front of the app does not forward the original scheme and host. Each is
   * {@code scheme://host[:port]}, without a path.
   */
  Optional<List<String>> allowedOrigins();

  /**
   * Names of the cookies that authenticate a browser session (the OIDC session cookie is
   * {@code q_session}, or {@code q_session_<tenant>}): a state-changing request carrying one of
   * them, or one whose name starts with one of them followed by {@code _}, needs the CSRF token.
   */
  @WithDefault("q_session")
  List<String> sessionCookies();

  /**
   * The cookie holding the CSRF token. The server sets it (random, 256 bits, {@code SameSite=Strict},
   * readable by the page's script) on a response to a request with a session cookie and no token
   * cookie; with HTTPS it is sent as {@code __Host-} plus this name.
   */
  @WithDefault("groundwork-csrf")
  String tokenCookie();

  /** The request header that must repeat the token cookie's value (double submit). */
  @WithDefault("X-CSRF-Token")
  String tokenHeader();
}
