package io.groundwork.web;

import io.groundwork.audit.AuditTrail;
import io.groundwork.core.AccessGroups;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import io.groundwork.security.Roles;
import io.groundwork.store.IngestionRunEntity;
import io.groundwork.store.IngestionRunRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Ingestion: start a run over a configured source or an uploaded file, follow its progress. */
@Path("/api/ingest")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {
  private final IngestionService ingestion;
  private final IngestionRunRepository runs;
  private final SecurityIdentity identity;
  private final AuditTrail audit;

  public IngestionResource(IngestionService ingestion, IngestionRunRepository runs,
      SecurityIdentity identity, AuditTrail audit) {
    this.ingestion = ingestion;
    this.runs = runs;
    this.identity = identity;
    this.audit = audit;
  }

  /** Body of a run request. */
  public record RunBody(String source) {}

  /** A started run. */
  public record RunStarted(String runId, String source, String status) {}

  /** A run with its progress and failures. */
  public record RunView(
      String id, String source, String startedBy, String status, int filesTotal, int filesDone,
      int ingested, int unchanged, int failed, int removed, int chunksAdded, String message,
      OffsetDateTime startedAt, OffsetDateTime finishedAt, List<Failure> failures) {}

  /** A failed file. */
  public record Failure(String path, String reason) {}

  @GET
  @Path("sources")
  @Operation(summary = "The configured sources")
  public List<String> sources() {
    return ingestion.pipeline().sourceNames();
  }

  @POST
  @Path("runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start an ingestion run over a configured source (runs in the background)")
  public Response start(RunBody body) {
    if (body == null || body.source() == null || body.source().isBlank()) {
      throw new IllegalArgumentException("request body must name a 'source'; configured: "
          + ingestion.pipeline().sourceNames());
    }
    String runId = ingestion.startSourceRun(body.source(), identity.getPrincipal().getName());
    audit.recordAction(identity.getPrincipal().getName(), "ingestion.run-started",
        Map.of("runId", runId, "source", body.source()));
    return Response.accepted(new RunStarted(runId, body.source(), "RUNNING"))
        .header("Location", "/api/ingest/runs/" + runId).build();
  }

  @GET
  @Path("runs")
  @Transactional
  @Operation(summary = "The 50 most recent ingestion runs")
  public List<RunView> runs() {
    return runs.recent(50).stream().map(r -> view(r, List.of())).toList();
  }

  @GET
  @Path("runs/{id}")
  @Transactional
  @Operation(summary = "One run's progress and failures")
  public RunView run(@PathParam("id") String id) {
    IngestionRunEntity run = runs.find(id);
    if (run == null) {
      throw new NotFoundProblem("no ingestion run " + id);
    }
    List<Failure> failures = runs.failures(id).stream()
        .map(f -> new Failure(f.path, f.reason)).toList();
    return view(run, failures);
  }

  @POST
  @Path("uploads")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Ingest one uploaded file (source 'uploads'); 'groups' is comma-separated")
  public IngestionReport upload(@RestForm("file") FileUpload file, @RestForm("groups") String groups) {
    if (file == null) {
      throw new IllegalArgumentException("multipart field 'file' is required");
    }
    Set<String> readers = groups == null || groups.isBlank()
        ? Set.of(AccessGroups.EVERYONE)
        : Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty())
            .collect(Collectors.toSet());
    try {
      byte[] content = Files.readAllBytes(file.uploadedFile());
      IngestionReport report = ingestion.ingestUpload(file.fileName(), content, readers,
          identity.getPrincipal().getName());
      audit.recordAction(identity.getPrincipal().getName(), "ingestion.upload", Map.of("file",
          file.fileName(), "groups", new TreeSet<>(readers), "bytes", content.length, "runId",
          report.runId(), "ingested", report.ingested(), "failed", report.failed().size()));
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded file", e);
    }
  }

  private static RunView view(IngestionRunEntity r, List<Failure> failures) {
    return new RunView(r.id, r.sourceName, r.startedBy, r.status, r.filesTotal, r.filesDone,
        r.ingested, r.unchanged, r.failed, r.removed, r.chunksAdded, r.message, r.startedAt,
        r.finishedAt, failures);
  }
}
