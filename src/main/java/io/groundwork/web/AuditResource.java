package io.groundwork.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.audit.AuditDatabase;
import io.groundwork.audit.AuditExporter;
import io.groundwork.audit.AuditRecordEntity;
import io.groundwork.audit.AuditTrail;
import io.groundwork.audit.AuditVerification;
import io.groundwork.audit.Checkpointer;
import io.groundwork.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit trail, for the {@code auditor} role. */
@Path("/api/audit")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private final EntityManager em;
  private final AuditTrail trail;
  private final ObjectMapper json;
  private final AuditDatabase database;
  private final Checkpointer checkpointer;
  private final SecurityIdentity identity;
  private final AuditExporter exporter = new AuditExporter();

  public AuditResource(EntityManager em, AuditTrail trail, ObjectMapper json,
      AuditDatabase database, Checkpointer checkpointer, SecurityIdentity identity) {
    this.em = em;
    this.trail = trail;
    this.json = json;
    this.database = database;
    this.checkpointer = checkpointer;
    this.identity = identity;
  }

  /**
   * One audit record: an answered question ({@code action} = {@code answer}) or an
   * administrative action with its {@code details}. Fields a record does not use are null.
   */
  public record AuditView(
      long id, OffsetDateTime createdAt, String action, String user, List<String> groups,
      String question, JsonNode request, JsonNode retrieved, String answer, boolean refused,
      JsonNode citations, String answerer, String promptVersion, JsonNode latenciesMs,
      JsonNode details, int hashVersion, String contentDigest, String previousHash, String hash,
      JsonNode verification, String fallbackReason) {}

  @GET
  @Transactional
  @Operation(summary = "Audit records, newest first, filtered by user and time (ISO-8601)")
  public List<AuditView> list(@QueryParam("user") String user, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    int max = QueryParams.integer("limit", limit, 50, 1, 500);
    int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
    StringBuilder jpql = new StringBuilder("from AuditRecordEntity r where 1 = 1");
    if (user != null) {
      jpql.append(" and r.username = :user");
    }
    if (from != null) {
      jpql.append(" and r.createdAt >= :from");
    }
    if (to != null) {
      jpql.append(" and r.createdAt < :to");
    }
    jpql.append(" order by r.id desc");
    TypedQuery<AuditRecordEntity> query = em.createQuery(jpql.toString(), AuditRecordEntity.class);
    if (user != null) {
      query.setParameter("user", user);
    }
    if (from != null) {
      query.setParameter("from", time("from", from));
    }
    if (to != null) {
      query.setParameter("to", time("to", to));
    }
    query.setFirstResult(first).setMaxResults(max);
    return query.getResultList().stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  @Transactional
  @Operation(summary = "One audit record")
  public AuditView get(@PathParam("id") long id) {
    AuditRecordEntity record = em.find(AuditRecordEntity.class, id);
    if (record == null) {
      throw new NotFoundProblem("no audit record " + id);
    }
    return view(record);
  }

  @GET
  @Path("verify")
  @Operation(summary = "Check the whole audit trail: the hash chain from the genesis hash, its"
      + " head and, when signed, every checkpoint (signature, order, link, size and head)")
  public AuditVerification verify() {
    return trail.verify();
  }

  @GET
  @Path("export")
  @Produces({"application/zip", "text/csv"})
  @Operation(summary = "Export the records created in [from, to) (ISO-8601, both optional): a zip"
      + " bundle verifiable offline with 'audit verify-export', or CSV with Accept: text/csv."
      + " The export is itself an audit record.")
  public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    OffsetDateTime start = from == null ? null : time("from", from);
    OffsetDateTime end = to == null ? null : time("to", to);
    boolean csv = accept != null && accept.contains("text/csv")
        && !accept.contains("application/zip");
    String user = identity.getPrincipal().getName();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", from);
    details.put("to", to);
    details.put("format", csv ? "csv" : "bundle");
    trail.recordAction(user, "audit.export", details);
    checkpointer.checkpointNow();
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
        .format(Instant.now());
    StreamingOutput body = out -> {
      try (Connection connection = database.connection()) {
        if (csv) {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          exporter.writeCsv(connection, start, end, writer);
          writer.flush();
        } else {
          exporter.writeBundle(connection, start, end, user, out);
        }
      } catch (SQLException e) {
        throw new IOException("cannot read the audit trail: " + e.getMessage(), e);
      }
    };
    return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/zip")
        .header("Content-Disposition", "attachment; filename=\"groundwork-audit-" + stamp
            + (csv ? ".csv" : ".zip") + "\"").build();
  }

  private static OffsetDateTime time(String name, String value) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + name + "' must be an ISO-8601 time with offset, e.g. 2026-01-31T09:00:00Z");
    }
  }

  private AuditView view(AuditRecordEntity r) {
    return new AuditView(r.id, r.createdAt, r.action, r.username, List.of(r.userGroups.split(",")),
        r.question, parse(r.request), parse(r.retrieved), r.answer, r.refused, parse(r.citations),
        r.answerer, r.promptVersion, parse(r.latencies), parse(r.details), r.hashVersion,
        r.contentDigest, r.previousHash, r.recordHash, parse(r.verification), r.fallbackReason);
  }

  private JsonNode parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("audit record holds invalid JSON", e);
    }
  }
}
