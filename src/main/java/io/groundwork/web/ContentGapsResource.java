package io.groundwork.web;

import io.groundwork.draft.ContentGaps;
import io.groundwork.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/admin/content-gaps}: the asks drafts most often could not cover and the
 * documents most often flagged as the wrong source or outdated.
 */
@Path("/api/admin/content-gaps")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ContentGapsResource {
  private final ContentGaps gaps;

  public ContentGapsResource(ContentGaps gaps) {
    this.gaps = gaps;
  }

  @GET
  @Operation(summary = "Asks most often not covered, documents most often flagged")
  public ContentGaps.Report report(@QueryParam("limit") String limit) {
    return gaps.report(QueryParams.integer("limit", limit, 20, 1, 100));
  }
}
