package io.groundwork.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.audit.AuditConfig;
import io.groundwork.audit.AuditDatabase;
import io.groundwork.audit.AuditQuery;
import io.groundwork.audit.NeedToKnow;
import io.groundwork.audit.RecordIntegrity;
import io.groundwork.security.Caller;
import io.groundwork.security.CallerResolver;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import io.groundwork.audit.AuditExporter;
import io.groundwork.audit.ExportAccess;
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
  private final NeedToKnow needToKnow;
  private final CallerResolver callers;
  private final AuditConfig config;

  public AuditResource(EntityManager em, AuditTrail trail, ObjectMapper json,
      AuditDatabase database, Checkpointer checkpointer, SecurityIdentity identity,
      NeedToKnow needToKnow, CallerResolver callers, AuditConfig config) {
    this.needToKnow = needToKnow;
    this.callers = callers;
    this.config = config;
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
   * {@code redacted} is true when the record drew on documents of groups the auditor does not
   * hold ({@code withheldDocuments}): question, answer, quotes and verified sentences are then
   * null until revealed. {@code pruned} is true when retention emptied its content.
   */
  public record AuditView(
      long id, OffsetDateTime createdAt, String action, String user, List<String> groups,
      String question, JsonNode request, JsonNode retrieved, String answer, boolean refused,
      JsonNode citations, String answerer, String promptVersion, JsonNode latenciesMs,
      JsonNode details, int hashVersion, String contentDigest, String previousHash, String hash,
      JsonNode verification, String fallbackReason, boolean redacted,
      List<NeedToKnow.Withheld> withheldDocuments, boolean revealed, boolean pruned) {}

  /** A page of records and the number matching the filters. */
  public record AuditPage(long total, int limit, int offset, List<AuditView> records) {}

  /** One record of a record's page: the record, its integrity, and whether reveal is on. */
  public record RecordPage(AuditView record, RecordIntegrity integrity, boolean revealEnabled) {}

  /** A reveal's reason. */
  public record RevealRequest(String reason) {}

  /** One answer that retrieved or cited a document, without its content. */
  public record AccessEntry(long recordId, OffsetDateTime createdAt, String user,
      List<String> groups, boolean cited) {}

  @GET
  @Transactional
  @Operation(summary = "Audit records, newest first. Filters: user, group, from, to (ISO-8601),"
      + " action (a name, or admin), refused, verification (flagged|removed), answerer,"
      + " fallback, document (cited or retrieved), cited, q (free text over question and"
      + " answer), limit, offset; an unknown filter is a 400")
  public List<AuditView> list(@Context UriInfo uri) {
    AuditQuery query = new AuditQuery(uri.getQueryParameters(), caller().groups());
    return records(query);
  }

  @GET
  @Path("page")
  @Transactional
  @Operation(summary = "The same filters as the list, with the total count for paging")
  public AuditPage page(@Context UriInfo uri) {
    AuditQuery query = new AuditQuery(uri.getQueryParameters(), caller().groups());
    TypedQuery<Long> count = em.createQuery(query.countJpql(), Long.class);
    query.parameters().forEach(count::setParameter);
    return new AuditPage(count.getSingleResult(), query.limit(), query.offset(), records(query));
  }

  private List<AuditView> records(AuditQuery query) {
    TypedQuery<AuditRecordEntity> select = em.createQuery(query.jpql(), AuditRecordEntity.class);
    query.parameters().forEach(select::setParameter);
    select.setFirstResult(query.offset()).setMaxResults(query.limit());
    Caller caller = caller();
    return select.getResultList().stream().map(r -> view(r, caller, false)).toList();
  }

  @GET
  @Path("{id}")
  @Transactional
  @Operation(summary = "One audit record (content of other groups' documents redacted)")
  public AuditView get(@PathParam("id") long id) {
    return view(find(id), caller(), false);
  }

  @GET
  @Path("{id}/page")
  @Transactional
  @Operation(summary = "One audit record with its integrity (content, hash, link, checkpoint)")
  public RecordPage recordPage(@PathParam("id") long id) throws SQLException {
    AuditView view = view(find(id), caller(), false);
    try (Connection connection = database.connection()) {
      return new RecordPage(view, RecordIntegrity.check(connection, id).orElseThrow(),
          config.revealEnabled());
    }
  }

  @POST
  @Path("{id}/reveal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(summary = "Reveal a redacted record's content, with a reason; the reveal is itself"
      + " an audit record (audit.reveal). 409 when revealing is switched off")
  public AuditView reveal(@PathParam("id") long id, RevealRequest request) {
    if (!config.revealEnabled()) {
      throw new WebApplicationException(ErrorMappers.error(Response.Status.CONFLICT,
          "revealing redacted records is switched off (groundwork.audit.reveal-enabled=false)"));
    }
    if (request == null || request.reason() == null || request.reason().isBlank()) {
      throw new IllegalArgumentException("a reveal needs a reason (why you need to read it)");
    }
    if (request.reason().length() > 2000) {
      throw new IllegalArgumentException("a reveal's reason must be at most 2000 characters");
    }
    AuditRecordEntity record = find(id);
    Caller caller = caller();
    List<NeedToKnow.Withheld> withheld = needToKnow.withheld(record, caller.groups());
    if (withheld.isEmpty()) {
      throw new IllegalArgumentException("record " + id + " is not redacted for you: nothing to"
          + " reveal");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("record", id);
    details.put("reason", request.reason().strip());
    details.put("documents", withheld.stream().map(NeedToKnow.Withheld::documentId).toList());
    trail.recordAction(caller.name(), "audit.reveal", details);
    return view(record, caller, true);
  }

  @GET
  @Path("access-review")
  @Transactional
  @Operation(summary = "Who was answered from a document, when: answers that retrieved or cited"
      + " it, newest first (no content)")
  public List<AccessEntry> accessReview(@QueryParam("document") String document,
      @QueryParam("limit") String limit) {
    if (document == null || document.isBlank()) {
      throw new IllegalArgumentException("document is required (a document id)");
    }
    int max = QueryParams.integer("limit", limit, 500, 1, 5000);
    String needle = "\"documentId\":\"" + document.strip() + "\"";
    return em.createQuery("from AuditRecordEntity r where r.action = 'answer' and"
            + " (locate(:d, cast(r.retrieved as String)) > 0 or locate(:d, cast(r.citations as String)) > 0) order by r.id desc",
            AuditRecordEntity.class)
        .setParameter("d", needle).setMaxResults(max).getResultList().stream()
        .map(r -> new AccessEntry(r.id, r.createdAt, r.username, groups(r),
            r.citations != null && r.citations.contains("\"documentId\":\"" + document.strip()
                + "\"")))
        .toList();
  }

  private AuditRecordEntity find(long id) {
    AuditRecordEntity record = em.find(AuditRecordEntity.class, id);
    if (record == null) {
      throw new NotFoundProblem("no audit record " + id);
    }
    return record;
  }

  private Caller caller() {
    return callers.caller(identity);
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
      + " Records about documents of groups the auditor does not hold come without their"
      + " content (withheld.jsonl, the withheld_documents column); a reveal does not carry"
      + " into an export. The export is itself an audit record listing what it withheld.")
  public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    OffsetDateTime start = from == null ? null : time("from", from);
    OffsetDateTime end = to == null ? null : time("to", to);
    boolean csv = accept != null && accept.contains("text/csv")
        && !accept.contains("application/zip");
    Caller caller = caller();
    String user = caller.name();
    long firstId;
    long lastId;
    List<AuditExporter.WithheldRecord> withheld;
    try (Connection connection = database.connection()) {
      var range = new io.groundwork.audit.AuditTables(connection).idRange(start, end);
      firstId = range.map(r -> r[0]).orElse(0L);
      lastId = range.map(r -> r[1]).orElse(-1L);
      withheld = exporter.withheld(connection, firstId, lastId,
          ExportAccess.forGroups(caller.groups()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", from);
    details.put("to", to);
    details.put("format", csv ? "csv" : "bundle");
    details.put("firstId", firstId);
    details.put("lastId", lastId);
    details.put("withheldRecords", withheld.stream().map(AuditExporter.WithheldRecord::id)
        .toList());
    details.put("withheldDocuments", withheld.stream()
        .flatMap(w -> w.documents().stream().map(NeedToKnow.Withheld::documentId))
        .distinct().sorted().toList());
    trail.recordAction(user, "audit.export", details);
    checkpointer.checkpointNow();
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
        .format(Instant.now());
    StreamingOutput body = out -> {
      try (Connection connection = database.connection()) {
        // A fresh access per stream: the rule is applied again to what is written, and a
        // reveal on the pages never reaches it.
        ExportAccess access = ExportAccess.forGroups(caller.groups());
        if (csv) {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          exporter.writeCsv(connection, firstId, lastId, access, writer);
          writer.flush();
        } else {
          exporter.writeBundle(connection, firstId, lastId, from, to, user, access, out);
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
    return AuditQuery.time(name, value);
  }

  private static List<String> groups(AuditRecordEntity r) {
    return r.userGroups.isEmpty() ? List.of() : List.of(r.userGroups.split(","));
  }

  private AuditView view(AuditRecordEntity r, Caller caller, boolean reveal) {
    List<NeedToKnow.Withheld> withheld = needToKnow.withheld(r, caller.groups());
    boolean redact = !withheld.isEmpty() && !reveal;
    boolean pruned = r.hashVersion == 2 && r.stored().contentAbsent();
    return new AuditView(r.id, r.createdAt, r.action, r.username, groups(r),
        redact ? null : r.question, parse(r.request), parse(r.retrieved),
        redact ? null : r.answer, r.refused,
        redact ? NeedToKnow.withoutQuotes(parse(r.citations)) : parse(r.citations),
        r.answerer, r.promptVersion, parse(r.latencies), parse(r.details), r.hashVersion,
        r.contentDigest, r.previousHash, r.recordHash,
        redact ? NeedToKnow.withoutSentences(parse(r.verification)) : parse(r.verification),
        r.fallbackReason, redact, withheld, reveal && !withheld.isEmpty(), pruned);
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
