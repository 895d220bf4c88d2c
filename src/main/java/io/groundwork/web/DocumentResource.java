package io.groundwork.web;

import io.groundwork.ingest.Block;
import io.groundwork.security.Caller;
import io.groundwork.security.CallerResolver;
import io.groundwork.store.ContentFlag;
import io.groundwork.store.DocumentEntity;
import io.groundwork.store.DocumentOriginalEntity;
import io.groundwork.store.DocumentRepository;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Documents the caller may read: the list, one document's text and structure for the passage
 * view, and its original file. A document the caller may not read is a 404 everywhere, as if it
 * did not exist.
 */
@Path("/api/documents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {
  private final DocumentRepository documents;
  private final CallerResolver callers;
  private final SecurityIdentity identity;

  public DocumentResource(DocumentRepository documents, CallerResolver callers,
      SecurityIdentity identity) {
    this.documents = documents;
    this.callers = callers;
    this.identity = identity;
  }

  /**
   * A document without its text.
   *
   * @param flags sentences found at ingestion that try to steer the reader (a credential request
   *     with a link, text addressed to an AI assistant); empty for an ordinary document
   */
  public record DocumentSummary(
      String id, String source, String path, String title, String mediaType, Set<String> groups,
      int chunks, long sizeBytes, OffsetDateTime ingestedAt, boolean flagged,
      List<ContentFlag> flags) {}

  /**
   * A document with its parsed text (citation offsets refer to it), its block structure over
   * that text (headings, paragraphs, list items, table rows, page breaks; empty for documents
   * ingested before structure was recorded), and where its original file can be downloaded
   * (null when no file is stored for it).
   */
  public record DocumentView(DocumentSummary document, String text, List<Block> blocks,
      String originalUrl) {}

  @GET
  @Transactional
  @Operation(summary = "List the documents the caller may read")
  public List<DocumentSummary> list() {
    Caller caller = callers.caller(identity);
    return documents.all().stream().filter(d -> d.readableBy(caller.groups()))
        .map(DocumentResource::summary).toList();
  }

  @GET
  @Path("{id}")
  @Transactional
  @Operation(summary = "One document's parsed text, if the caller may read it")
  public DocumentView get(@PathParam("id") String id) {
    DocumentEntity document = readable(id);
    boolean hasOriginal = documents.hasOriginal(id);
    return new DocumentView(summary(document), document.body, Block.fromJson(document.structure),
        hasOriginal ? "/api/documents/" + id + "/original" : null);
  }

  @GET
  @Path("{id}/original")
  @Transactional
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "One document's original file as it was ingested, if the caller may read it")
  public Response original(@PathParam("id") String id) {
    DocumentEntity document = readable(id);
    DocumentOriginalEntity original = documents.original(id);
    if (original == null) {
      throw new NotFoundProblem("no original file is stored for document " + id
          + "; ingesting it again stores one");
    }
    return Response.ok(original.content, document.mediaType)
        .header("Content-Disposition", ContentDisposition.attachment(original.fileName))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** The document with {@code id} if the caller may read it; otherwise a 404. */
  private DocumentEntity readable(String id) {
    DocumentEntity document = documents.find(id);
    // A document the caller may not read is reported as missing: its existence is not leaked.
    if (document == null || !document.readableBy(callers.caller(identity).groups())) {
      throw new NotFoundProblem("no document " + id);
    }
    return document;
  }

  static DocumentSummary summary(DocumentEntity d) {
    return new DocumentSummary(d.id, d.sourceName, d.path, d.title, d.mediaType, d.groups(),
        d.chunkCount, d.sizeBytes, d.ingestedAt, !d.flags().isEmpty(), d.flags());
  }
}
