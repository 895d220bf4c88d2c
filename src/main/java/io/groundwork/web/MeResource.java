package io.groundwork.web;

import io.groundwork.security.Caller;
import io.groundwork.security.CallerResolver;
import io.groundwork.security.Roles;
import io.groundwork.security.OidcIdentityAugmentor;
import io.groundwork.security.Workspace;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/me}: who the caller is, the groups whose documents they may read, their roles
 * and the workspaces those roles open (the navigation every page shows).
 */
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

  /** One entry of the navigation. */
  public record WorkspaceLink(String name, String title, String path) {}

  /**
   * The caller as the pages show them. {@code signOutUrl} is where the page's "Sign out" goes, or
   * null where the sign-in mechanism has no session to end (HTTP basic credentials are kept by
   * the browser until it closes; a bearer token ends when it expires). Set for a single sign-on
   * web session: it ends the session here and at the provider.
   */
  public record Me(String name, List<String> groups, List<String> roles,
      List<WorkspaceLink> workspaces, String signOutUrl) {}

  @GET
  @Operation(summary = "The caller: name, access groups, roles and the workspaces they may use")
  public Me me() {
    Caller caller = callers.caller(identity);
    List<WorkspaceLink> links = Workspace.allowedFor(caller.roles()).stream()
        .map(w -> new WorkspaceLink(w.name().toLowerCase(Locale.ROOT), w.title(),
            w.path()))
        .toList();
    // Stable order for people reading it: groups alphabetically, roles as Roles.ALL lists them.
    List<String> groups = caller.groups().stream().sorted().toList();
    List<String> roles = Roles.ALL.stream().filter(caller::hasRole).toList();
    String signOutUrl = identity.getAttribute(OidcIdentityAugmentor.SIGN_OUT_URL_ATTRIBUTE);
    return new Me(caller.name(), groups, roles, links, signOutUrl);
  }
}
