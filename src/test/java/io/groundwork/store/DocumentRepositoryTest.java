package io.groundwork.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("app")
class DocumentRepositoryTest {
  @Inject
  DocumentRepository documents;

  @Inject
  EntityManager em;

  private final String source = "repo-" + UUID.randomUUID();

  @AfterEach
  void deleteTheSource() {
    QuarkusTransaction.requiringNew().run(() ->
        documents.ofSource(source).forEach(d -> documents.delete(d.id)));
  }

  private DocumentEntity document(String path, String hash, int chunks) {
    DocumentEntity d = new DocumentEntity();
    d.id = source + "/" + path;
    d.sourceName = source;
    d.path = path;
    d.sourceUri = source + ":" + path;
    d.title = path;
    d.mediaType = "text/markdown";
    d.contentHash = hash;
    d.setGroups(Set.of("everyone"));
    d.sizeBytes = 10;
    d.chunkCount = chunks;
    d.body = "body of " + path;
    d.ingestedAt = OffsetDateTime.now();
    return d;
  }

  private static ChunkEntity chunk(String documentId, int ordinal) {
    ChunkEntity c = new ChunkEntity();
    c.id = documentId + "#" + ordinal;
    c.documentId = documentId;
    c.ordinal = ordinal;
    c.headingPath = "";
    c.body = "chunk " + ordinal;
    return c;
  }

  private long chunkRows(String documentId) {
    return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
            "select count(c) from ChunkEntity c where c.documentId = :id", Long.class)
        .setParameter("id", documentId).getSingleResult());
  }

  @Test
  void replaceStoresTheDocumentWithExactlyTheGivenChunks() {
    DocumentEntity first = document("a.md", "h1", 2);
    QuarkusTransaction.requiringNew().run(() ->
        documents.replace(first, List.of(chunk(first.id, 0), chunk(first.id, 1))));
    assertThat(chunkRows(first.id)).isEqualTo(2);

    DocumentEntity changed = document("a.md", "h2", 1);
    QuarkusTransaction.requiringNew().run(() ->
        documents.replace(changed, List.of(chunk(changed.id, 0))));
    assertThat(chunkRows(first.id)).isEqualTo(1);
    DocumentEntity stored = QuarkusTransaction.requiringNew().call(() -> documents.find(first.id));
    assertThat(stored.contentHash).isEqualTo("h2");
    assertThat(stored.chunkCount).isEqualTo(1);
  }

  @Test
  void documentsAreListedBySourceAndDeletedWithTheirChunks() {
    DocumentEntity b = document("b.md", "h", 1);
    DocumentEntity a = document("a.md", "h", 1);
    QuarkusTransaction.requiringNew().run(() -> {
      documents.replace(b, List.of(chunk(b.id, 0)));
      documents.replace(a, List.of(chunk(a.id, 0)));
    });
    assertThat(QuarkusTransaction.requiringNew().call(() -> documents.ofSource(source)))
        .extracting(d -> d.path).containsExactlyInAnyOrder("a.md", "b.md");
    assertThat(QuarkusTransaction.requiringNew().call(() -> documents.all()))
        .extracting(d -> d.id).containsSubsequence(a.id, b.id);

    QuarkusTransaction.requiringNew().run(() -> documents.delete(a.id));
    assertThat(QuarkusTransaction.requiringNew().call(() -> documents.find(a.id))).isNull();
    assertThat(chunkRows(a.id)).isZero();
    assertThat(QuarkusTransaction.requiringNew().call(() -> documents.ofSource(source)))
        .extracting(d -> d.path).containsExactly("b.md");
  }
}
