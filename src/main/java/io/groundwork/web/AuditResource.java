package io.groundwork.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.audit.AuditRecordEntity;
import io.groundwork.audit.AuditTrail;
import io.groundwork.audit.AuditVerification;
import io.groundwork.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit trail, for group {@code auditor}. */
@Path("/api/audit")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private final EntityManager em;
  private final AuditTrail trail;
  private final ObjectMapper json;

  public AuditResource(EntityManager em, AuditTrail trail, ObjectMapper json) {
    this.em = em;
    this.trail = trail;
    this.json = json;
  }

  /** One audit record. */
  public record AuditView(
      long id, OffsetDateTime createdAt, String user, List<String> groups, String question,
      JsonNode request, JsonNode retrieved, String answer, boolean refused, JsonNode citations,
      String answerer, String promptVersion, JsonNode latenciesMs, String previousHash,
      String hash, JsonNode verification, String fallbackReason) {}

  @GET
  @Transactional
  @Operation(summary = "Audit records, newest first, filtered by user and time (ISO-8601)")
  public List<AuditView> list(@QueryParam("user") String user, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset) {
    int max = limit == null ? 50 : limit;
    if (max < 1 || max > 500) {
      throw new IllegalArgumentException("limit must be between 1 and 500");
    }
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
    query.setFirstResult(offset == null ? 0 : Math.max(0, offset)).setMaxResults(max);
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
  @Operation(summary = "Check the hash chain of the whole audit trail")
  public AuditVerification verify() {
    return trail.verify();
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
    return new AuditView(r.id, r.createdAt, r.username, List.of(r.userGroups.split(",")),
        r.question, parse(r.request), parse(r.retrieved), r.answer, r.refused, parse(r.citations),
        r.answerer, r.promptVersion, parse(r.latencies), r.previousHash, r.recordHash,
        r.verification == null ? null : parse(r.verification), r.fallbackReason);
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("audit record holds invalid JSON", e);
    }
  }
}
