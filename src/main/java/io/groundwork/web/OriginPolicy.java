package io.groundwork.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which origins may send state-changing requests: the server's own (the scheme and authority the
 * request was sent to) and a configured list. Origins are compared as {@code scheme://host:port}
 * in lower case with the default port made explicit, so {@code http://Host} and
 * {@code http://host:80} are the same origin and {@code http://host:8081} is another.
 * Immutable and thread-safe.
 */
public final class OriginPolicy {
  private final Set<String> allowed;

  /** A policy that allows {@code allowed} besides the server's own origin. */
  public OriginPolicy(Collection<String> allowed) {
    Set<String> origins = new TreeSet<>();
    for (String origin : allowed) {
      origins.add(normalize(origin).orElseThrow(() -> new IllegalArgumentException(
          "allowed origin must be scheme://host[:port], got '" + origin + "'")));
    }
    this.allowed = Set.copyOf(origins);
  }

  /**
   * Whether {@code origin} (an {@code Origin} header, or the origin of a {@code Referer}) may
   * send a state-changing request to a server reached as {@code scheme://authority}. The opaque
   * origin {@code null} (sandboxed frames, some redirects) is never allowed.
   */
  public boolean allows(String origin, String scheme, String authority) {
    Optional<String> candidate = normalize(origin);
    if (candidate.isEmpty()) {
      return false;
    }
    return allowed.contains(candidate.get())
        || normalize(scheme + "://" + authority).filter(candidate.get()::equals).isPresent();
  }

  /** The origin of a URL ({@code scheme://host:port}), or empty when it has none. */
  static Optional<String> normalize(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null || host == null) {
        return Optional.empty();
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      int port = uri.getPort() >= 0 ? uri.getPort()
          : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
      return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
