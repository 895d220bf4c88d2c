package io.groundwork.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundwork.text.TermAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write side of the Lucene index and what its reader sees of it. */
class LuceneChunkWriterTest {
  private static final SearchFilter EVERYONE = SearchFilter.groups(Set.of("everyone"));

  @TempDir
  Path dir;

  private static IndexedChunk chunk(String doc, int ordinal, String text) {
    return new IndexedChunk(doc + "-" + ordinal, doc, "test", doc + ".md", "Title " + doc,
        "Intro", text, 0, text.length(), 0, Set.of("everyone"));
  }

  private static float[] vector(float x) {
    return new float[] {x, (float) Math.sqrt(1 - x * x)};
  }

  @Test
  void writtenChunksReachTheReaderOnCommitAndReadBackUnchanged() {
    try (LuceneChunkIndex index = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      LuceneChunkWriter writer = index.writer();
      LuceneChunkReader reader = index.reader();
      IndexedChunk first = chunk("a", 0, "the badge office opens at nine");
      IndexedChunk second = chunk("a", 1, "lost badges cost ten pounds");
      writer.replaceDocument("a", List.of(first, second), List.of(vector(0.6f), vector(0.8f)));
      assertThat(reader.chunkCount()).isZero();

      writer.commit();
      assertThat(reader.chunkCount("a")).isEqualTo(2);
      assertThat(reader.chunks(List.of("a-1", "a-0"))).containsExactly(second, first);
      assertThat(reader.searchText("badge office", EVERYONE, 5)).extracting(ScoredChunk::chunkId)
          .first().isEqualTo("a-0");
      assertThat(reader.searchVector(vector(0.8f), EVERYONE, 1))
          .extracting(ScoredChunk::chunkId).containsExactly("a-1");
      assertThat(writer.holds("a", 2)).isTrue();
      assertThat(writer.holds("a", 3)).isFalse();
      assertThat(writer.holds("b", 0)).isTrue();
    }
    // A later process reads the same chunks from the committed index.
    try (LuceneChunkIndex reopened = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      assertThat(reopened.reader().chunkCount("a")).isEqualTo(2);
    }
  }

  @Test
  void aBatchCommitsEveryGivenNumberOfDocuments() {
    try (LuceneChunkIndex index = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      LuceneChunkWriter writer = index.writer();
      writer.begin(2);
      writer.replaceDocument("a", List.of(chunk("a", 0, "alpha")), List.of(vector(0.1f)));
      writer.documentCommitted();
      assertThat(index.reader().chunkCount()).isZero();
      writer.replaceDocument("b", List.of(chunk("b", 0, "beta")), List.of(vector(0.2f)));
      writer.documentCommitted();
      assertThat(index.reader().chunkCount()).isEqualTo(2);

      // A new batch counts from zero again.
      writer.replaceDocument("c", List.of(chunk("c", 0, "gamma")), List.of(vector(0.3f)));
      writer.begin(2);
      writer.documentCommitted();
      assertThat(index.reader().chunkCount()).isEqualTo(2);
      writer.commit();
      assertThat(index.reader().chunkCount()).isEqualTo(3);
    }
  }

  @Test
  void commitDataIsReadBackAfterReopening() {
    try (LuceneChunkIndex index = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      assertThat(index.writer().committedUserData()).isEmpty();
      index.writer().replaceDocument("a", List.of(chunk("a", 0, "alpha")), List.of(vector(0.5f)));
      index.writer().commit(Map.of("position", "42"));
    }
    try (LuceneChunkIndex index = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      assertThat(index.writer().committedUserData()).containsEntry("position", "42");
    }
  }

  @Test
  void writesAreValidated() {
    try (LuceneChunkIndex index = new LuceneChunkIndex(dir, new TermAnalyzer(), 0.5f)) {
      assertThatThrownBy(() -> index.writer().replaceDocument("a",
          List.of(chunk("a", 0, "alpha")), List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("1 chunks but 0 vectors");
      assertThatThrownBy(() -> index.writer().replaceDocument("b",
          List.of(chunk("a", 0, "alpha")), List.of(vector(0.5f))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("chunk a-0 belongs to document a, not b");
    }
  }

  @Test
  void contextBoostMustNotBeNegative() {
    assertThatThrownBy(() -> new LuceneChunkIndex(dir, new TermAnalyzer(), -1f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contextBoost must be >= 0, got -1.0");
  }
}
