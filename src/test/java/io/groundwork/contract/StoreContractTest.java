package io.groundwork.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.embed.Embedder;
import io.groundwork.index.ChunkReader;
import io.groundwork.index.IndexedChunk;
import io.groundwork.index.ScoredChunk;
import io.groundwork.index.SearchFilter;
import io.groundwork.core.AccessGroups;
import io.groundwork.ingest.IngestionListener;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import io.groundwork.ingest.PipelineConfig.AccessRule;
import io.groundwork.ingest.PipelineConfig.SourceConfig;
import io.groundwork.ingest.SourceFiles;
import io.groundwork.retrieve.RetrievalRequest;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.retrieve.Retriever;
import io.groundwork.store.DocumentEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour both stores promise, run against each (one subclass per store): retrieval,
 * the access filter applied before top-k, re-ingestion of a changed file and removal of a
 * deleted one. Each test ingests its own small source, so tests do not depend on each other.
 */
abstract class StoreContractTest {
  private static final Set<String> EVERYONE = Set.of(AccessGroups.EVERYONE);

  @Inject
  IngestionService ingestion;

  @Inject
  ChunkReader index;

  @Inject
  Retriever retriever;

  @Inject
  Embedder embedder;

  @Inject
  EntityManager em;

  private Path root;
  private String sourceName;

  @BeforeEach
  void newSource() throws IOException {
    Files.createDirectories(Path.of("target"));
    root = Files.createTempDirectory(Path.of("target"), "contract");
    sourceName = "contract-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private SourceFiles source() {
    return new SourceFiles(new SourceConfig(sourceName, root.toString(), null, null, null,
        List.of(new AccessRule("secret/**", List.of("hr")))), root);
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private IngestionReport ingest() {
    IngestionReport report = ingestion.runSource(source(), "test", IngestionListener.NONE);
    assertThat(report.failed()).isEmpty();
    return report;
  }

  private SearchFilter filter(Set<String> groups) {
    return new SearchFilter(groups, Set.of(sourceName), Set.of());
  }

  private List<String> paths(List<ScoredChunk> hits) {
    return chunks(hits).stream().map(IndexedChunk::path).toList();
  }

  /** The chunks of {@code hits}, read back from the store in the same order. */
  private List<IndexedChunk> chunks(List<ScoredChunk> hits) {
    List<IndexedChunk> chunks = index.chunks(hits.stream().map(ScoredChunk::chunkId).toList());
    assertThat(chunks).hasSameSizeAs(hits);
    return chunks;
  }

  private long storedDocuments() {
    return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
            "select count(d) from DocumentEntity d where d.sourceName = :s", Long.class)
        .setParameter("s", sourceName).getSingleResult());
  }

  @Test
  void retrievalRanksTheMatchingDocumentFirstInBothSearches() throws IOException {
    write("parental-leave.md", "# Parental leave\n\nNew parents receive twenty weeks of paid"
        + " parental leave, which can be split into two blocks within the first year.");
    write("printers.md", "# Printers\n\nThe office printers are on the second floor. Toner"
        + " cartridges are in the supply cupboard next to the kitchen.");
    write("vpn.md", "# VPN\n\nInstall the VPN client, sign in with your company account and"
        + " approve the multi-factor prompt on your phone.");
    assertThat(ingest().ingested()).isEqualTo(3);

    String query = "how many weeks of paid parental leave do new parents get";
    assertThat(paths(index.searchText(query, filter(EVERYONE), 3))).first()
        .isEqualTo("parental-leave.md");
    assertThat(paths(index.searchVector(embedder.embedQuery(query), filter(EVERYONE), 3)))
        .first().isEqualTo("parental-leave.md");
    List<RetrievedChunk> fused = retriever.retrieve(
        new RetrievalRequest(query, 3, filter(EVERYONE))).chunks();
    assertThat(fused).isNotEmpty();
    assertThat(fused.get(0).chunk().path()).isEqualTo("parental-leave.md");
    // Deterministic: the same request gives the same ranking.
    assertThat(retriever.retrieve(new RetrievalRequest(query, 3, filter(EVERYONE))).chunks()
        .stream().map(r -> r.chunk().chunkId()).toList())
        .isEqualTo(fused.stream().map(r -> r.chunk().chunkId()).toList());
  }

  @Test
  void accessFilterIsAppliedBeforeTopK() throws IOException {
    // Forty readable notes sit closer to the query than the one restricted document, so a filter
    // applied after taking top-k would leave nothing for a caller who may read only that one.
    for (int i = 0; i < 40; i++) {
      write("notes/expenses-" + i + ".md", "# Expense note " + i + "\n\nSubmit expense claims"
          + " for travel and hotel costs within thirty days, with receipts attached. Note " + i + ".");
    }
    write("secret/salary.md", "# Salary review\n\nSalary bands are reviewed every spring by the"
        + " people team; travel expenses are not part of pay.");
    assertThat(ingest().ingested()).isEqualTo(41);

    String query = "submit travel expense claims with receipts";
    float[] vector = embedder.embedQuery(query);
    Set<String> hrOnly = Set.of("hr");
    assertThat(paths(index.searchVector(vector, filter(hrOnly), 3)))
        .containsExactly("secret/salary.md");
    assertThat(paths(index.searchText(query, filter(hrOnly), 3)))
        .containsExactly("secret/salary.md");
    assertThat(retriever.retrieve(new RetrievalRequest(query, 5, filter(hrOnly))).chunks())
        .extracting(r -> r.chunk().path()).containsExactly("secret/salary.md");

    List<ScoredChunk> everyone = index.searchVector(vector, filter(EVERYONE), 100);
    assertThat(everyone).hasSize(40);
    assertThat(paths(everyone)).doesNotContain("secret/salary.md");
    assertThat(paths(index.searchText("salary bands", filter(EVERYONE), 100)))
        .doesNotContain("secret/salary.md");
  }

  @Test
  void reingestingAChangedFileReplacesItsChunks() throws IOException {
    write("holidays.md", "# Holidays\n\nThe office closes on the first Monday of August.");
    write("canteen.md", "# Canteen\n\nThe canteen serves lunch from noon until two.");
    assertThat(ingest().ingested()).isEqualTo(2);
    String documentId =
        chunks(index.searchText("august", filter(EVERYONE), 1)).get(0).documentId();
    int before = index.chunkCount();

    write("holidays.md", "# Holidays\n\nThe office closes on the last Friday of December.");
    IngestionReport again = ingest();
    assertThat(again.ingested()).isEqualTo(1);
    assertThat(again.unchanged()).isEqualTo(1);

    assertThat(index.searchText("august", filter(EVERYONE), 5)).isEmpty();
    List<IndexedChunk> december =
        chunks(index.searchText("december friday", filter(EVERYONE), 5));
    assertThat(december).extracting(IndexedChunk::documentId).containsExactly(documentId);
    assertThat(december.get(0).text()).contains("last Friday of December");
    assertThat(index.chunkCount(documentId)).isEqualTo(1);
    assertThat(index.chunkCount()).isEqualTo(before);
    List<IndexedChunk> nearest = chunks(index.searchVector(
        embedder.embedQuery("when does the office close for the holidays"), filter(EVERYONE), 10));
    assertThat(nearest).extracting(IndexedChunk::chunkId).doesNotHaveDuplicates();
    assertThat(nearest.stream().filter(h -> h.documentId().equals(documentId)))
        .singleElement().satisfies(h -> assertThat(h.text()).contains("December"));
    assertThat(storedDocuments()).isEqualTo(2);
  }

  @Test
  void deletingAFileRemovesItFromEverySearch() throws IOException {
    write("keep.md", "# Bicycle parking\n\nBicycles can be parked in the courtyard racks.");
    write("gone.md", "# Fire drill\n\nThe fire drill assembly point is the car park by the river.");
    assertThat(ingest().ingested()).isEqualTo(2);
    assertThat(paths(index.searchText("fire drill assembly point", filter(EVERYONE), 5)))
        .contains("gone.md");

    Files.delete(root.resolve("gone.md"));
    assertThat(ingest().removed()).isEqualTo(1);

    assertThat(index.searchText("fire drill assembly point", filter(EVERYONE), 5)).isEmpty();
    assertThat(paths(index.searchVector(embedder.embedQuery("where is the fire drill assembly point"),
        filter(EVERYONE), 10))).containsExactly("keep.md");
    assertThat(paths(index.searchText("bicycles courtyard", filter(EVERYONE), 5)))
        .containsExactly("keep.md");
    assertThat(storedDocuments()).isEqualTo(1);
    QuarkusTransaction.requiringNew().run(() -> assertThat(em.createQuery(
            "from DocumentEntity d where d.sourceName = :s", DocumentEntity.class)
        .setParameter("s", sourceName).getResultList()).extracting(d -> d.path)
        .containsExactly("keep.md"));
  }
}
