package io.groundwork.web;

import io.groundwork.audit.LegalHold;
import io.groundwork.audit.Retention;
import io.groundwork.audit.RetentionConfig;
import io.groundwork.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Retention of audit content and legal holds, for the {@code admin} role. */
@Path("/api/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {
  private final Retention retention;
  private final RetentionConfig config;
  private final SecurityIdentity identity;

  public RetentionResource(Retention retention, RetentionConfig config,
      SecurityIdentity identity) {
    this.retention = retention;
    this.config = config;
    this.identity = identity;
  }

  /** The retention settings and every legal hold. */
  public record RetentionView(String period, long periodDays, boolean scheduled, String runEvery,
      List<LegalHold> holds) {}

  /** A hold to set: at least one criterion, and a reason. */
  public record HoldBody(String user, String group, String document, String from, String to,
      String reason) {}

  /** Why a hold is lifted. */
  public record LiftBody(String reason) {}

  @GET
  @Path("retention")
  @Operation(summary = "Retention period, schedule and every legal hold")
  public RetentionView view() {
    return new RetentionView(config.period().toString(), config.period().toDays(),
        config.scheduled(), config.runEvery().toString(), retention.holds());
  }

  @POST
  @Path("retention/prune")
  @Operation(summary = "Prune the content of answer records older than the retention period"
      + " that no legal hold covers; the pruning is an audit record naming them")
  public Retention.PruneReport prune() {
    return retention.prune(identity.getPrincipal().getName(), Instant.now());
  }

  @GET
  @Path("holds")
  @Operation(summary = "Every legal hold, lifted ones included")
  public List<LegalHold> holds() {
    return retention.holds();
  }

  @POST
  @Path("holds")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a legal hold by user, group, document and/or time range, with a"
      + " reason; an audit record (audit.hold-set) whose id is the hold's")
  public Response setHold(HoldBody body) {
    if (body == null) {
      throw new IllegalArgumentException("request body must be a JSON object");
    }
    LegalHold hold = retention.setHold(identity.getPrincipal().getName(),
        new Retention.HoldRequest(body.user(), body.group(), body.document(),
            body.from() == null || body.from().isBlank() ? null : AuditTimes.parse("from",
                body.from()),
            body.to() == null || body.to().isBlank() ? null : AuditTimes.parse("to", body.to()),
            body.reason()));
    return Response.status(Response.Status.CREATED).entity(hold).build();
  }

  @POST
  @Path("holds/{id}/lift")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Lift a legal hold, with a reason (audit.hold-lifted)")
  public LegalHold lift(@PathParam("id") long id, LiftBody body) {
    try {
      return retention.liftHold(identity.getPrincipal().getName(), id,
          body == null ? null : body.reason());
    } catch (NoSuchElementException e) {
      throw new NotFoundProblem(e.getMessage());
    } catch (IllegalStateException e) {
      throw new WebApplicationException(ErrorMappers.error(Response.Status.CONFLICT,
          e.getMessage()));
    }
  }

  /** Times of the retention API. */
  private static final class AuditTimes {
    static java.time.OffsetDateTime parse(String name, String value) {
      return io.groundwork.audit.AuditQuery.time(name, value);
    }
  }
}
