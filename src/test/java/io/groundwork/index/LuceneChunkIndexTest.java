package io.groundwork.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundwork.text.TermAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
      index.replaceDocument("hr", List.of(chunk("hr", 0, "salary band L5 range", "hr")),
          List.of(secret));
      for (int i = 0; i < 50; i++) {
        index.replaceDocument("pub" + i,
            List.of(chunk("pub" + i, 0, "public note " + i + " about salary", "everyone")),
            List.of(unit(random, 16)));
      }
      index.commit();
      SearchFilter everyone = SearchFilter.groups(Set.of("everyone"));
      // The restricted chunk is the exact best match for both searches, yet with k=1 an
      // outsider still gets a permitted chunk, not an empty result.
      List<ScoredChunk> dense = index.searchVector(secret, everyone, 1);
      assertThat(dense).hasSize(1);
      assertThat(dense.getFirst().chunk().documentId()).startsWith("pub");
      List<ScoredChunk> text = index.searchText("salary band L5 range", everyone, 1);
      assertThat(text).hasSize(1);
      assertThat(text.getFirst().chunk().documentId()).startsWith("pub");

      SearchFilter hr = SearchFilter.groups(Set.of("everyone", "hr"));
      assertThat(index.searchVector(secret, hr, 1).getFirst().chunk().documentId()).isEqualTo("hr");
      assertThat(index.searchText("band L5", hr, 1).getFirst().chunk().documentId()).isEqualTo("hr");
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
      index.replaceDocument("a", chunks, vectors);
      index.commit();
      assertThat(index.chunkCount("a")).isEqualTo(3);
      index.replaceDocument("a", List.of(chunk("a", 0, "beta", "everyone")),
          List.of(unit(random, 8)));
      index.commit();
      assertThat(index.chunkCount("a")).isEqualTo(1);
      assertThat(index.searchText("alpha", SearchFilter.groups(Set.of("everyone")), 10)).isEmpty();
      index.deleteDocument("a");
      index.commit();
      assertThat(index.chunkCount()).isZero();
    }
  }

  @Test
  void secondWriterIsRefusedWithAClearMessageWhileReadersStillSearch() {
    Random random = new Random(3);
    try (LuceneChunkIndex server = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f);
        LuceneChunkIndex cli = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      server.replaceDocument("d", List.of(chunk("d", 0, "vpn client", "everyone")),
          List.of(unit(random, 8)));
      server.commit();
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
