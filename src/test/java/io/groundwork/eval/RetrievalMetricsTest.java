package io.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics against values computed by hand (trec_eval's definitions, graded linear gain). */
class RetrievalMetricsTest {
  private static final List<String> RANKING = List.of("a", "b", "c", "d");
  private static final Map<String, Integer> JUDGED = Map.of("b", 2, "d", 1, "e", 1, "z", 0);

  @Test
  void ndcgUsesGradedGainsAndTheIdealOrderOfAllJudgedDocuments() {
    // DCG = 2/log2(3) + 1/log2(5) = 1.69254; IDCG = 2 + 1/log2(3) + 1/log2(4) = 3.13093
    assertThat(RetrievalMetrics.ndcg(RANKING, JUDGED, 10)).isCloseTo(0.5405857679, within(1e-9));
    // cut at 2: DCG = 2/log2(3); IDCG = 2 + 1/log2(3)
    assertThat(RetrievalMetrics.ndcg(RANKING, JUDGED, 2)).isCloseTo(0.4796249331, within(1e-9));
    assertThat(RetrievalMetrics.ndcg(List.of("b", "d", "e"), JUDGED, 10)).isCloseTo(1.0, within(1e-12));
    assertThat(RetrievalMetrics.ndcg(List.of("a", "c"), JUDGED, 10)).isZero();
    assertThat(RetrievalMetrics.ndcg(RANKING, Map.of("a", 0), 10)).isZero();
  }

  @Test
  void recallCountsRelevantDocumentsFoundWithinTheCut() {
    assertThat(RetrievalMetrics.recall(RANKING, JUDGED, 100)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(RetrievalMetrics.recall(RANKING, JUDGED, 2)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(RetrievalMetrics.recall(List.of(), JUDGED, 100)).isZero();
  }

  @Test
  void mrrIsTheReciprocalRankOfTheFirstRelevantDocument() {
    assertThat(RetrievalMetrics.mrr(RANKING, JUDGED, 10)).isEqualTo(0.5);
    assertThat(RetrievalMetrics.mrr(RANKING, JUDGED, 1)).isZero();
    assertThat(RetrievalMetrics.mrr(List.of("z", "c", "e"), JUDGED, 10)).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void percentileIsNearestRank() {
    double[] values = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
    assertThat(Evaluation.percentile(values, 50)).isEqualTo(5);
    assertThat(Evaluation.percentile(values, 95)).isEqualTo(10);
    assertThat(Evaluation.percentile(new double[] {7}, 95)).isEqualTo(7);
  }
}
