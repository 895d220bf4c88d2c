package io.groundwork.security;

/** How people sign in ({@code groundwork.security.mode}). */
public enum SecurityMode {
  /** Built-in users from the users file, sent as HTTP basic auth. */
  BUILTIN,
  /**
   * Single sign-on with an OpenID Connect provider: the web pages by the authorization-code flow
   * (a session cookie), the API by bearer tokens; built-in users are off.
   */
  OIDC
}
