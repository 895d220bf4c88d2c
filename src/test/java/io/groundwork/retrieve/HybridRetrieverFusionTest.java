package io.groundwork.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.index.ScoredChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridRetrieverFusionTest {
  private static ScoredChunk scored(String id) {
    return scored(id, 1f);
  }

  private static ScoredChunk scored(String id, float score) {
    return new ScoredChunk(id, score);
  }

  @Test
  void weightedFusionSumsMinMaxNormalisedScores() {
    HybridRetriever retriever = new HybridRetriever(null, null, new RetrievalSettings(
        RetrievalSettings.Mode.HYBRID, RetrievalSettings.Fusion.WEIGHTED, 10, 60, 0.3, 0.7));
    // BM25 a=10 -> 1, b=6 -> 0.5, c=2 -> 0; vectors b=0.9 -> 1, d=0.8 -> 0.5, a=0.7 -> 0
    List<HybridRetriever.Fused> fused = retriever.fuse(
        List.of(scored("a", 10), scored("b", 6), scored("c", 2)),
        List.of(scored("b", 0.9f), scored("d", 0.8f), scored("a", 0.7f)), 10, 3);
    // b = 0.3*0.5 + 0.7*1 = 0.85; d = 0.35; a = 0.3; c = 0
    assertThat(fused).extracting(HybridRetriever.Fused::chunkId).containsExactly("b", "d", "a", "c");
    assertThat(fused.getFirst().score()).isCloseTo(0.85, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(fused.get(2).score()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void weightedFusionOfARankingShorterThanItsDepthNormalisesFromZero() {
    HybridRetriever retriever = new HybridRetriever(null, null, new RetrievalSettings(
        RetrievalSettings.Mode.HYBRID, RetrievalSettings.Fusion.WEIGHTED, 10, 60, 1.0, 1.0));
    // Only three chunks match the words of a depth-50 search: the third still matched, so its
    // BM25 share is 2/10, not 0; likewise the vector scores are divided by the best one.
    List<HybridRetriever.Fused> fused = retriever.fuse(
        List.of(scored("faq", 10), scored("notes", 6), scored("glossary", 2)),
        List.of(scored("nda", 0.9f), scored("policy", 0.6f), scored("glossary", 0.4f)), 10, 50);
    // faq 1, nda 1, policy 0.667, glossary 0.2 + 0.444, notes 0.6
    assertThat(fused).extracting(HybridRetriever.Fused::chunkId)
        .containsExactly("faq", "nda", "policy", "glossary", "notes");
    assertThat(fused.get(3).score()).isCloseTo(0.2 + 0.4 / 0.9,
        org.assertj.core.api.Assertions.within(1e-6));

    // The same rankings as full ones (depth 3): min-max, the last of each counts 0.
    List<HybridRetriever.Fused> full = retriever.fuse(
        List.of(scored("faq", 10), scored("notes", 6), scored("glossary", 2)),
        List.of(scored("nda", 0.9f), scored("policy", 0.6f), scored("glossary", 0.4f)), 10, 3);
    assertThat(full.getLast().chunkId()).isEqualTo("glossary");
    assertThat(full.getLast().score()).isZero();
  }

  @Test
  void aSingleSearchModeKeepsThatSearchsOrder() {
    HybridRetriever retriever = new HybridRetriever(null, null, new RetrievalSettings(
        RetrievalSettings.Mode.BM25, RetrievalSettings.Fusion.RRF, 10, 60, 1, 1));
    List<HybridRetriever.Fused> fused = retriever.fuse(
        List.of(scored("c", 3), scored("a", 2), scored("b", 1)), List.of(), 10, 10);
    assertThat(fused).extracting(HybridRetriever.Fused::chunkId).containsExactly("c", "a", "b");
    assertThat(fused).allSatisfy(r -> assertThat(r.vectorRank()).isZero());
  }

  @Test
  void reciprocalRankFusionRewardsAgreementAndBreaksTiesById() {
    HybridRetriever retriever = new HybridRetriever(null, null, 10, 60, 1.0);
    List<HybridRetriever.Fused> fused = retriever.fuse(
        List.of(scored("b"), scored("a"), scored("c")),
        List.of(scored("a"), scored("d"), scored("b")), 10, 10);
    // a: 1/62 + 1/61, b: 1/61 + 1/63 -> a first; c and d tie on 1/63 vs 1/62 -> d before c
    assertThat(fused).extracting(HybridRetriever.Fused::chunkId).containsExactly("a", "b", "d", "c");
    assertThat(fused.getFirst().textRank()).isEqualTo(2);
    assertThat(fused.getFirst().vectorRank()).isEqualTo(1);

    List<HybridRetriever.Fused> tie = retriever.fuse(List.of(scored("y")), List.of(scored("x")), 2, 10);
    assertThat(tie).extracting(HybridRetriever.Fused::chunkId).containsExactly("x", "y");
  }

  @Test
  void fusionReturnsAtMostTopK() {
    HybridRetriever retriever = new HybridRetriever(null, null, 10, 60, 1.0);
    assertThat(retriever.fuse(List.of(scored("a"), scored("b")), List.of(scored("c")), 2, 10))
        .hasSize(2);
  }
}
