package io.groundwork.web;

import io.groundwork.audit.AuditTrail;
import io.groundwork.security.Caller;
import io.groundwork.security.CallerResolver;
import io.groundwork.token.ApiTokenEntity;
import io.groundwork.token.ApiTokens;
import io.groundwork.token.PersonalTokenIdentityProvider;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/tokens}: the caller's personal API tokens. Making and revoking one are audit
 * records. A token cannot manage tokens: that needs the person's own sign-in, so a leaked token
 * cannot mint itself successors.
 */
@Path("/api/tokens")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
  private final ApiTokens tokens;
  private final CallerResolver callers;
  private final SecurityIdentity identity;
  private final AuditTrail audit;

  public TokenResource(ApiTokens tokens, CallerResolver callers, SecurityIdentity identity,
      AuditTrail audit) {
    this.tokens = tokens;
    this.callers = callers;
    this.identity = identity;
    this.audit = audit;
  }

  /** Body of a request for a token. */
  public record CreateBody(String name, Integer expiresInDays) {}

  /** A token just made: {@code token} is shown this once and never again. */
  public record Created(String id, String name, String token, OffsetDateTime createdAt,
      OffsetDateTime expiresAt) {}

  /** A token in its owner's list (without its secret). */
  public record TokenView(String id, String name, OffsetDateTime createdAt,
      OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt,
      String state) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Make a personal API token (shown once); it acts with your groups and roles")
  public Response create(CreateBody body) {
    Caller caller = signedInInPerson();
    if (body == null) {
      throw new IllegalArgumentException("request body must be JSON with a 'name'");
    }
    ApiTokens.Issued issued = tokens.create(caller, body.name(), body.expiresInDays());
    ApiTokenEntity token = issued.token();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tokenId", token.id);
    details.put("name", token.name);
    details.put("expiresAt", token.expiresAt.toString());
    audit.recordAction(caller.name(), "token.created", details);
    return Response.status(Response.Status.CREATED)
        .entity(new Created(token.id, token.name, issued.secret(), token.createdAt,
            token.expiresAt))
        .build();
  }

  @GET
  @Operation(summary = "Your personal API tokens, newest first (never their secrets)")
  public List<TokenView> list() {
    OffsetDateTime now = OffsetDateTime.now();
    return tokens.list(callers.caller(identity).name()).stream().map(t -> view(t, now)).toList();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke one of your personal API tokens")
  public Response revoke(@PathParam("id") String id) {
    Caller caller = signedInInPerson();
    ApiTokenEntity token = tokens.revoke(caller.name(), id)
        .orElseThrow(() -> new NotFoundProblem("no token " + id));
    audit.recordAction(caller.name(), "token.revoked", Map.of("tokenId", token.id,
        "name", token.name));
    return Response.noContent().build();
  }

  private Caller signedInInPerson() {
    if (identity.getAttribute(PersonalTokenIdentityProvider.TOKEN_ATTRIBUTE) != null) {
      throw new ForbiddenException("personal tokens cannot make or revoke tokens; sign in");
    }
    return callers.caller(identity);
  }

  private static TokenView view(ApiTokenEntity t, OffsetDateTime now) {
    String state = t.revokedAt != null ? "revoked" : t.expiresAt.isAfter(now) ? "active" : "expired";
    return new TokenView(t.id, t.name, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt, state);
  }
}
