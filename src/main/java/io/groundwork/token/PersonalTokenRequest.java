package io.groundwork.token;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal API token presented as {@code Authorization: Bearer gwp_...}. */
public final class PersonalTokenRequest extends BaseAuthenticationRequest {
  private final String secret;

  public PersonalTokenRequest(String secret) {
    this.secret = secret;
  }

  public String secret() {
    return secret;
  }
}
