package io.groundwork.draft;

import io.groundwork.ingest.PipelineDefinition;
import io.groundwork.store.DocumentRepository;
import io.groundwork.ingest.SourceFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The documents a reply to a customer may cite: those whose source and path match a
 * {@code customer-safe} pattern of the pipeline configuration. Drafting passes them as the
 * document filter of every search ({@link io.groundwork.index.SearchFilter#documentIds()}), so
 * that the filter applies inside the BM25 and the vector search, before top-k, in both store
 * modes, together with the agent's access groups. Worked out from the stored documents for each
 * draft, so a changed pattern or a newly ingested document counts at once. Thread-safe.
 */
@ApplicationScoped
public class CustomerSafeScope {
  private final DocumentRepository documents;
  /** The files of each configured source, with their customer-safe patterns compiled once. */
  private final Map<String, SourceFiles> sources = new HashMap<>();

  public CustomerSafeScope(PipelineDefinition pipeline, DocumentRepository documents) {
    this.documents = documents;
    pipeline.sourceNames().forEach(name -> sources.put(name, pipeline.sourceFiles(name)));
  }

  /** Ids of the customer-safe documents; empty when there are none (then nothing is searched). */
  @Transactional
  public Set<String> documentIds() {
    return documents.locations().stream()
        .filter(d -> isCustomerSafe(d.sourceName(), d.path()))
        .map(DocumentRepository.DocumentLocation::id)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the document at {@code path} of {@code sourceName} is customer-safe. */
  public boolean isCustomerSafe(String sourceName, String path) {
    SourceFiles files = sources.get(sourceName);
    return files != null && files.isCustomerSafe(path);
  }
}
