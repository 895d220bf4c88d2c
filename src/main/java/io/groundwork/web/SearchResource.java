package io.groundwork.web;

import io.groundwork.answer.ExtractiveAnswerer;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.retrieve.RetrievalRequest;
import io.groundwork.retrieve.RetrievalResult;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.security.CallerResolver;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/search}: ranked chunks with scores, no answer. */
@Path("/api/search")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  private final QuestionAnswering qa;
  private final CallerResolver callers;
  private final SecurityIdentity identity;

  public SearchResource(QuestionAnswering qa, CallerResolver callers, SecurityIdentity identity) {
    this.qa = qa;
    this.callers = callers;
    this.identity = identity;
  }

  /** One ranked chunk. */
  public record Hit(
      int rank, String chunkId, String documentId, String title, String path, String headingPath,
      int page, int start, int end, double score, int textRank, int vectorRank, String text,
      String url) {}

  /** The response body. */
  public record SearchResponse(String query, List<Hit> results, double tookMs) {}

  @GET
  @Operation(summary = "Hybrid search over the documents the caller may read")
  public SearchResponse search(@QueryParam("q") String query, @QueryParam("topK") String topK,
      @QueryParam("source") List<String> sources, @QueryParam("document") List<String> documents) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("query parameter 'q' is required");
    }
    Integer k = QueryParams.integer("topK", topK, null, 1, RetrievalRequest.MAX_TOP_K);
    long start = System.nanoTime();
    RetrievalResult result = qa.search(callers.caller(identity), query, k,
        sources == null ? Set.of() : Set.copyOf(sources),
        documents == null ? Set.of() : Set.copyOf(documents));
    return new SearchResponse(query, hits(result.chunks()), (System.nanoTime() - start) / 1e6);
  }

  static List<Hit> hits(List<RetrievedChunk> chunks) {
    List<Hit> hits = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      RetrievedChunk r = chunks.get(i);
      var c = r.chunk();
      hits.add(new Hit(i + 1, c.chunkId(), c.documentId(), c.title(), c.path(), c.headingPath(),
          c.page(), c.start(), c.end(), r.score(), r.textRank(), r.vectorRank(), c.text(),
          ExtractiveAnswerer.sourceUrl(c.documentId(), c.start(), c.end())));
    }
    return hits;
  }
}
