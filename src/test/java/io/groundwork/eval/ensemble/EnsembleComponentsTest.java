package io.groundwork.eval.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.groundwork.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EnsembleComponentsTest {
  private static final long SEED = 20261205L;

  @Test
  void foldsPartitionTheItemsEvenlyAndRepeatWithTheSeed() {
    List<String> items = IntStream.range(0, 809).mapToObj(i -> "q" + i).toList();
    Folds folds = new Folds(items, 5, SEED);
    Set<String> seen = new HashSet<>();
    for (int f = 0; f < 5; f++) {
      assertThat(folds.test(f).size()).isBetween(161, 162);
      assertThat(folds.train(f)).hasSize(809 - folds.test(f).size())
          .doesNotContainAnyElementsOf(folds.test(f));
      seen.addAll(folds.test(f));
    }
    assertThat(seen).hasSize(809);
    assertThat(new Folds(items, 5, SEED).test(3)).isEqualTo(folds.test(3));
    assertThat(new Folds(items, 5, SEED + 1).test(3)).isNotEqualTo(folds.test(3));
    assertThatThrownBy(() -> new Folds(items, 1, SEED))
        .hasMessage("k must be between 2 and the 809 items, got 1");
  }

  @Test
  void exactSearchAgreesWithSortingEveryInnerProduct() {
    Random random = new Random(SEED);
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      vectors.add(randomVector(random, 16));
    }
    ExactVectorSearch search = new ExactVectorSearch(vectors);
    for (int trial = 0; trial < 20; trial++) {
      float[] query = randomVector(random, 16);
      List<Scored> all = new ArrayList<>();
      for (int i = 0; i < vectors.size(); i++) {
        double dot = 0;
        for (int d = 0; d < 16; d++) {
          dot += query[d] * vectors.get(i)[d];
        }
        all.add(new Scored(i, dot));
      }
      all.sort(Scored.BEST_FIRST);
      List<Scored> top = search.search(query, 10);
      assertThat(top.stream().map(Scored::id).toList())
          .isEqualTo(all.subList(0, 10).stream().map(Scored::id).toList());
    }
    assertThatThrownBy(() -> search.search(new float[3], 10))
        .hasMessage("query has dimension 3, expected 16");
  }

  @Test
  void reciprocalRankFusionSumsWeightedReciprocalRanks() {
    RankFusion rrf = new RankFusion(RankFusion.Method.RRF, 60);
    List<Scored> fused = rrf.fuse(List.of(
        List.of(new Scored(1, 9), new Scored(2, 5)),
        List.of(new Scored(2, 0.9), new Scored(3, 0.8))), new double[] {1, 2});
    assertThat(fused.stream().map(Scored::id).toList()).containsExactly(2, 3, 1);
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 2.0 / 61, within(1e-12));
  }

  @Test
  void weightedFusionNormalisesEachRankingToZeroOne() {
    RankFusion weighted = new RankFusion(RankFusion.Method.WEIGHTED, 60);
    List<Scored> fused = weighted.fuse(List.of(
        List.of(new Scored(1, 30), new Scored(2, 20), new Scored(3, 10)),
        List.of(new Scored(3, 0.9), new Scored(2, 0.7))), new double[] {1, 2});
    Map<Integer, Double> byId = new HashMap<>();
    fused.forEach(s -> byId.put(s.id(), s.score()));
    assertThat(byId.get(1)).isCloseTo(1.0, within(1e-12));
    assertThat(byId.get(2)).isCloseTo(0.5, within(1e-12));
    assertThat(byId.get(3)).isCloseTo(2.0, within(1e-12));
    assertThat(fused.get(0).id()).isEqualTo(3);
    assertThatThrownBy(() -> weighted.fuse(List.of(List.of()), new double[] {1, 1}))
        .hasMessage("1 rankings but 2 weights");
  }

  @Test
  void aggregationTakesTheBestChunkOrSumsTheBestN() {
    int[] documentOf = {0, 0, 0, 1, 2};
    List<Scored> chunks = List.of(new Scored(3, 0.9), new Scored(0, 0.8), new Scored(1, 0.5),
        new Scored(2, 0.4), new Scored(4, 0.1));
    assertThat(ChunkAggregation.MAX.documents(chunks, documentOf).stream().map(Scored::id))
        .containsExactly(1, 0, 2);
    List<Scored> summed = new ChunkAggregation(2).documents(chunks, documentOf);
    assertThat(summed.stream().map(Scored::id)).containsExactly(0, 1, 2);
    assertThat(summed.get(0).score()).isCloseTo(1.3, within(1e-12));
    assertThatThrownBy(() -> new ChunkAggregation(0)).hasMessage("topN must be >= 1, got 0");
  }

  @Test
  void crossValidationChoosesOnTrainingFoldsAndScoresTheHeldOutOne() {
    List<String> queries = IntStream.range(0, 100).mapToObj(i -> "q" + i).toList();
    Folds folds = new Folds(queries, 5, SEED);
    Random random = new Random(SEED);
    Map<String, Double> weak = new HashMap<>();
    Map<String, Double> strong = new HashMap<>();
    for (String q : queries) {
      double base = random.nextDouble() * 0.5;
      weak.put(q, base);
      strong.put(q, base + 0.3);
    }
    CrossValidation.Result result = CrossValidation.choose(List.of(weak, strong), folds);
    assertThat(result.chosen()).containsOnly(1);
    for (int f = 0; f < 5; f++) {
      assertThat(result.heldOut().get(f))
          .isCloseTo(CrossValidation.mean(strong, folds.test(f)), within(1e-12));
    }
    CrossValidation.Result fixed = CrossValidation.fixed(weak, folds);
    assertThat(CrossValidation.pairedDifferences(result, fixed))
        .allSatisfy(d -> assertThat(d).isCloseTo(0.3, within(1e-9)));
    assertThat(CrossValidation.standardDeviation(List.of(1.0, 3.0))).isCloseTo(Math.sqrt(2),
        within(1e-12));
  }

  @Test
  void gridFamiliesCoverEveryCombinationOnce() {
    EnsembleGrid grid = new EnsembleGrid(List.of(new float[] {0.9f, 0.4f},
        new float[] {1.2f, 0.75f}), List.of(1.0, 2.0),
        List.of(ChunkAggregation.MAX, new ChunkAggregation(2)), 60);
    // BM25 + two models: (1 RRF + 2x2 weightings) x 2 BM25 parameter pairs x 2 aggregations.
    List<EnsembleGrid.Configuration> three = grid.family(true, List.of("a", "b"));
    assertThat(three).hasSize(20);
    assertThat(three.stream().map(EnsembleGrid.Configuration::label).distinct()).hasSize(20);
    assertThat(grid.family(false, List.of("a"))).hasSize(2);
    assertThat(three.get(0).sources()).isEqualTo("bm25 + a + b");
    assertThat(grid.family(true, List.of("a")).get(2).label())
        .isEqualTo("bm25(k1=0.9,b=0.4) + a weighted 1:1 max");
  }

  @Test
  void bm25RanksByTermsAndItsParametersChangeTheScores() {
    try (Bm25Search bm25 = new Bm25Search(List.of(
        "parental leave lasts twenty weeks", "the cafeteria opens at noon",
        "leave requests go to your manager; leave leave leave"),
        List.of("Leave policy", "Cafeteria", "Requests"), TermAnalyzer.named("english"), 0.5f)) {
      List<Scored> hits = bm25.search("parental leave", 1.2f, 0.75f, 10);
      assertThat(hits.get(0).id()).isEqualTo(0);
      assertThat(hits.stream().map(Scored::id)).doesNotContain(1);
      double saturated = bm25.search("leave", 0.1f, 0.75f, 10).get(0).score();
      double linear = bm25.search("leave", 3f, 0.75f, 10).get(0).score();
      assertThat(saturated).isNotEqualTo(linear);
      assertThat(bm25.search("the", 1.2f, 0.75f, 10)).isEmpty();
    }
  }

  private static float[] randomVector(Random random, int dimension) {
    float[] v = new float[dimension];
    for (int d = 0; d < dimension; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return v;
  }
}
