package io.groundwork.web;

import io.groundwork.security.Caller;
import io.groundwork.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/me}: who the caller is and which groups they are in. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
  private final CallerResolver callers;
  private final SecurityIdentity identity;

  public MeResource(CallerResolver callers, SecurityIdentity identity) {
    this.callers = callers;
    this.identity = identity;
  }

  @GET
  public Caller me() {
    return callers.caller(identity);
  }
}
