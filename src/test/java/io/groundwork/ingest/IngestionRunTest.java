package io.groundwork.ingest;

import io.groundwork.core.AccessGroups;
import io.groundwork.core.Hashes;
import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.index.ScoredChunk;
import io.groundwork.index.SearchFilter;
import io.groundwork.ingest.PipelineConfig.AccessRule;
import io.groundwork.ingest.PipelineConfig.SourceConfig;
import io.groundwork.store.DocumentEntity;
import io.groundwork.store.IngestionFailureEntity;
import io.groundwork.store.IngestionRunEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("app")
class IngestionRunTest {
  @Inject
  IngestionService ingestion;

  @Inject
  LuceneChunkIndex index;

  @Inject
  EntityManager em;

  private static SourceFiles source(String name, Path root) {
    return new SourceFiles(new SourceConfig(name, root.toString(), null, null, null,
        List.of(new AccessRule("secret/**", List.of("hr")))), root);
  }

  private static void copyBadFile(String name, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.copy(Path.of("src/test/resources/bad-files", name), target,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private List<ScoredChunk> search(String query, String... groups) {
    Set<String> all = new java.util.HashSet<>(Set.of(groups));
    all.add(AccessGroups.EVERYONE);
    return index.searchText(query, new SearchFilter(all, Set.of("lifecycle"), Set.of()), 10);
  }

  @Test
  void badFilesAreRecordedWithReasonsAndTheRestIsIngested() throws IOException {
    Path root = Files.createTempDirectory(Path.of("target"), "bad-source");
    copyBadFile("malformed.pdf", root.resolve("malformed.pdf"));
    copyBadFile("empty.txt", root.resolve("empty.txt"));
    copyBadFile("photo.bin", root.resolve("photo.bin"));
    copyBadFile("good-note.md", root.resolve("good-note.md"));

    IngestionReport report = ingestion.runSource(source("bad", root), "test", IngestionListener.NONE);

    assertThat(report.ingested()).isEqualTo(1);
    Map<String, String> reasons = report.failed().stream()
        .collect(Collectors.toMap(IngestionReport.Failure::path, IngestionReport.Failure::reason));
    assertThat(reasons).containsOnlyKeys("malformed.pdf", "empty.txt", "photo.bin");
    assertThat(reasons.get("malformed.pdf")).startsWith("malformed PDF: ");
    assertThat(reasons.get("empty.txt")).isEqualTo("file is empty");
    assertThat(reasons.get("photo.bin")).isEqualTo("unsupported file type application/octet-stream");

    QuarkusTransaction.requiringNew().run(() -> {
      IngestionRunEntity run = em.find(IngestionRunEntity.class, report.runId());
      assertThat(run.status).isEqualTo("COMPLETED");
      assertThat(run.failed).isEqualTo(3);
      assertThat(run.filesDone).isEqualTo(4);
      List<IngestionFailureEntity> failures = em.createQuery(
              "from IngestionFailureEntity f where f.runId = :id", IngestionFailureEntity.class)
          .setParameter("id", report.runId()).getResultList();
      assertThat(failures).extracting(f -> f.path)
          .containsExactlyInAnyOrder("malformed.pdf", "empty.txt", "photo.bin");
    });
  }

  @Test
  void reingestionSkipsUnchangedReplacesChangedAndRemovesDeletedFiles() throws IOException {
    Path root = Files.createTempDirectory(Path.of("target"), "lifecycle-source");
    Files.writeString(root.resolve("printers.md"),
        "# Printers\n\nThe Leeds printer queue is called LEEDS-PRN-07.\n");
    Files.createDirectories(root.resolve("secret"));
    Files.writeString(root.resolve("secret/codes.md"),
        "# Door codes\n\nThe server room door code rotates every 45 days.\n");
    SourceFiles files = source("lifecycle", root);

    IngestionReport first = ingestion.runSource(files, "test", IngestionListener.NONE);
    assertThat(first.ingested()).isEqualTo(2);
    assertThat(search("LEEDS-PRN-07")).hasSize(1);
    assertThat(search("server room door code")).isEmpty();
    assertThat(search("server room door code", "hr")).hasSize(1);

    IngestionReport second = ingestion.runSource(files, "test", IngestionListener.NONE);
    assertThat(second.ingested()).isZero();
    assertThat(second.unchanged()).isEqualTo(2);

    // A changed file replaces its chunks; a file that now fails keeps what was indexed.
    Files.writeString(root.resolve("printers.md"),
        "# Printers\n\nThe Leeds printer queue is now called LEEDS-PRN-09.\n");
    Files.write(root.resolve("secret/codes.md"), new byte[0]);
    IngestionReport third = ingestion.runSource(files, "test", IngestionListener.NONE);
    assertThat(third.ingested()).isEqualTo(1);
    assertThat(third.failed()).extracting(IngestionReport.Failure::path)
        .containsExactly("secret/codes.md");
    assertThat(search("LEEDS-PRN-07")).hasSize(1)
        .allSatisfy(hit -> assertThat(index.chunks(List.of(hit.chunkId())).getFirst().text())
            .contains("LEEDS-PRN-09")
            .doesNotContain("LEEDS-PRN-07"));
    assertThat(search("server room door code", "hr")).hasSize(1);

    Files.delete(root.resolve("printers.md"));
    IngestionReport fourth = ingestion.runSource(files, "test", IngestionListener.NONE);
    assertThat(fourth.removed()).isEqualTo(1);
    assertThat(search("LEEDS-PRN-09")).isEmpty();
    String removedId = Hashes.documentId("lifecycle", "printers.md");
    QuarkusTransaction.requiringNew().run(() ->
        assertThat(em.find(DocumentEntity.class, removedId)).isNull());
  }

  @Test
  void aDocumentEmbeddedWithAnotherModelIsEmbeddedAgainThoughItsFileIsUnchanged()
      throws IOException {
    Path root = Files.createTempDirectory(Path.of("target"), "model-change-source");
    Files.writeString(root.resolve("canteen.md"),
        "# Canteen\n\nThe canteen on floor 3 serves lunch from 11:30 to 14:00.\n");
    SourceFiles files = source("model-change", root);
    String id = Hashes.documentId("model-change", "canteen.md");

    assertThat(ingestion.runSource(files, "test", IngestionListener.NONE).ingested()).isEqualTo(1);
    QuarkusTransaction.requiringNew().run(() -> assertThat(
        em.find(DocumentEntity.class, id).embeddingModel).isEqualTo("bge-small-en-v1.5-q"));
    assertThat(ingestion.outdatedDocuments("model-change")).isZero();

    // As stored by a server configured with another model.
    QuarkusTransaction.requiringNew().run(() ->
        em.find(DocumentEntity.class, id).embeddingModel = "e5-small-v2");
    assertThat(ingestion.outdatedDocuments("model-change")).isEqualTo(1);

    IngestionReport again = ingestion.runSource(files, "test", IngestionListener.NONE);
    assertThat(again.ingested()).isEqualTo(1);
    assertThat(again.unchanged()).isZero();
    QuarkusTransaction.requiringNew().run(() -> assertThat(
        em.find(DocumentEntity.class, id).embeddingModel).isEqualTo("bge-small-en-v1.5-q"));
    assertThat(ingestion.outdatedDocuments("model-change")).isZero();
  }
}
