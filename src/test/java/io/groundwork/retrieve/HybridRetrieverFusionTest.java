package io.groundwork.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.index.IndexedChunk;
import io.groundwork.index.ScoredChunk;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HybridRetrieverFusionTest {
  private static ScoredChunk scored(String id) {
    return new ScoredChunk(new IndexedChunk(id, "doc-" + id, "s", id, id, "", id, 0, 1, 0,
        Set.of("everyone")), 1f);
  }

  @Test
  void reciprocalRankFusionRewardsAgreementAndBreaksTiesById() {
    HybridRetriever retriever = new HybridRetriever(null, null, 10, 60, 1.0);
    List<RetrievedChunk> fused = retriever.fuse(
        List.of(scored("b"), scored("a"), scored("c")),
        List.of(scored("a"), scored("d"), scored("b")), 10);
    // a: 1/62 + 1/61, b: 1/61 + 1/63 -> a first; c and d tie on 1/63 vs 1/62 -> d before c
    assertThat(fused).extracting(r -> r.chunk().chunkId()).containsExactly("a", "b", "d", "c");
    assertThat(fused.getFirst().textRank()).isEqualTo(2);
    assertThat(fused.getFirst().vectorRank()).isEqualTo(1);

    List<RetrievedChunk> tie = retriever.fuse(List.of(scored("y")), List.of(scored("x")), 2);
    assertThat(tie).extracting(r -> r.chunk().chunkId()).containsExactly("x", "y");
  }

  @Test
  void fusionReturnsAtMostTopK() {
    HybridRetriever retriever = new HybridRetriever(null, null, 10, 60, 1.0);
    assertThat(retriever.fuse(List.of(scored("a"), scored("b")), List.of(scored("c")), 2))
        .hasSize(2);
  }
}
