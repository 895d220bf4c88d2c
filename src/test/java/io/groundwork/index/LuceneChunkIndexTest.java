package io.groundwork.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundwork.text.TermAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneChunkIndexTest {
  @TempDir
  Path dir;

  private static IndexedChunk chunk(String doc, int ordinal, String text, String group) {
    return new IndexedChunk(doc + "-" + ordinal, doc, "test", doc + ".md", "Title " + doc, "",
        text, 0, text.length(), 0, Set.of(group));
  }

  private static float[] unit(Random random, int dims) {
    float[] v = new float[dims];
    double norm = 0;
    for (int i = 0; i < dims; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < dims; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  @Test
  void accessFilterIsAppliedBeforeTopK() {
    Random random = new Random(7);
    try (LuceneChunkIndex index = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      float[] secret = unit(random, 16);
      index.writer().replaceDocument("hr", List.of(chunk("hr", 0, "salary band L5 range", "hr")),
          List.of(secret));
      for (int i = 0; i < 50; i++) {
        index.writer().replaceDocument("pub" + i,
            List.of(chunk("pub" + i, 0, "public note " + i + " about salary", "everyone")),
            List.of(unit(random, 16)));
      }
      index.writer().commit();
      SearchFilter everyone = SearchFilter.groups(Set.of("everyone"));
      // The restricted chunk is the exact best match for both searches, yet with k=1 an
      // outsider still gets a permitted chunk, not an empty result.
      List<ScoredChunk> dense = index.searchVector(secret, everyone, 1);
      assertThat(dense).hasSize(1);
      assertThat(documentOf(index, dense.getFirst())).startsWith("pub");
      List<ScoredChunk> text = index.searchText("salary band L5 range", everyone, 1);
      assertThat(text).hasSize(1);
      assertThat(documentOf(index, text.getFirst())).startsWith("pub");

      SearchFilter hr = SearchFilter.groups(Set.of("everyone", "hr"));
      assertThat(documentOf(index, index.searchVector(secret, hr, 1).getFirst())).isEqualTo("hr");
      assertThat(documentOf(index, index.searchText("band L5", hr, 1).getFirst())).isEqualTo("hr");
    }
  }

  private static String documentOf(ChunkReader index, ScoredChunk hit) {
    return index.chunks(List.of(hit.chunkId())).getFirst().documentId();
  }

  @Test
  void chunksAreReadInTheOrderAskedAndIdsNoLongerIndexedAreSkipped() {
    Random random = new Random(5);
    try (LuceneChunkIndex index = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      for (String doc : List.of("a", "b", "c")) {
        index.writer().replaceDocument(doc, List.of(chunk(doc, 0, "note " + doc, "everyone")),
            List.of(unit(random, 8)));
      }
      index.writer().commit();
      index.writer().deleteDocument("b");
      index.writer().commit();
      assertThat(index.chunks(List.of("c-0", "b-0", "missing", "a-0")))
          .extracting(IndexedChunk::chunkId).containsExactly("c-0", "a-0");
      IndexedChunk a = index.chunks(List.of("a-0")).getFirst();
      assertThat(a).isEqualTo(chunk("a", 0, "note a", "everyone"));
    }
  }

  @Test
  void searchesReadIdsOfChunksIndexedBeforeIdsWereDocValues() throws IOException {
    // An index written by an earlier version: the chunk id is stored and indexed, not a doc value.
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir),
        new IndexWriterConfig(new TermAnalyzer().analyzer()))) {
      Document old = new Document();
      old.add(new StringField(ChunkFields.ID, "old-0", Field.Store.YES));
      old.add(new StringField(ChunkFields.DOC_ID, "old", Field.Store.YES));
      old.add(new StringField(ChunkFields.SOURCE, "test", Field.Store.YES));
      old.add(new StoredField(ChunkFields.PATH, "old.md"));
      old.add(new StringField(ChunkFields.GROUPS, "everyone", Field.Store.YES));
      old.add(new TextField(ChunkFields.TEXT, "legacy printer queue", Field.Store.YES));
      old.add(new StoredField(ChunkFields.TITLE, "Old"));
      old.add(new StoredField(ChunkFields.HEADING, ""));
      old.add(new StoredField(ChunkFields.START, 0));
      old.add(new StoredField(ChunkFields.END, 20));
      old.add(new StoredField(ChunkFields.PAGE, 0));
      writer.addDocument(old);
    }
    try (LuceneChunkIndex index = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      index.writer().replaceDocument("new",
          List.of(chunk("new", 0, "new printer queue", "everyone")),
          List.of(unit(new Random(1), 8)));
      index.writer().commit();
      assertThat(index.searchText("printer queue", SearchFilter.groups(Set.of("everyone")), 5))
          .extracting(ScoredChunk::chunkId).containsExactlyInAnyOrder("old-0", "new-0");
      assertThat(index.chunks(List.of("old-0"))).extracting(IndexedChunk::text)
          .containsExactly("legacy printer queue");
    }
  }

  @Test
  void replaceAndDeleteDocuments() {
    Random random = new Random(11);
    try (LuceneChunkIndex index = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      List<IndexedChunk> chunks = new ArrayList<>();
      List<float[]> vectors = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        chunks.add(chunk("a", i, "alpha text " + i, "everyone"));
        vectors.add(unit(random, 8));
      }
      index.writer().replaceDocument("a", chunks, vectors);
      index.writer().commit();
      assertThat(index.chunkCount("a")).isEqualTo(3);
      index.writer().replaceDocument("a", List.of(chunk("a", 0, "beta", "everyone")),
          List.of(unit(random, 8)));
      index.writer().commit();
      assertThat(index.chunkCount("a")).isEqualTo(1);
      assertThat(index.searchText("alpha", SearchFilter.groups(Set.of("everyone")), 10)).isEmpty();
      index.writer().deleteDocument("a");
      index.writer().commit();
      assertThat(index.chunkCount()).isZero();
    }
  }

  @Test
  void secondWriterIsRefusedWithAClearMessageWhileReadersStillSearch() {
    Random random = new Random(3);
    try (LuceneChunkIndex server = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f);
        LuceneChunkIndex cli = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      server.writer().replaceDocument("d", List.of(chunk("d", 0, "vpn client", "everyone")),
          List.of(unit(random, 8)));
      server.writer().commit();
      assertThatThrownBy(cli::openForWriting).isInstanceOf(IndexLockedException.class)
          .hasMessageContaining("is being written by another Groundwork process");
      assertThat(cli.searchText("vpn", SearchFilter.groups(Set.of("everyone")), 5)).hasSize(1);
    }
  }

  @Test
  void filterNeedsGroups() {
    assertThatThrownBy(() -> SearchFilter.groups(Set.of()))
        .hasMessage("a search needs the caller's access groups");
  }
}
