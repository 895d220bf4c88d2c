package io.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundwork.answer.ConfidenceModel;
import io.groundwork.eval.RefusalCalibration.Calibrated;
import io.groundwork.eval.RefusalCalibration.Example;
import io.groundwork.eval.RefusalCalibration.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RefusalCalibrationTest {
  private static final int SIGNALS = ConfidenceModel.SIGNAL_NAMES.size();

  /**
   * Questions whose "evidence" signal (the first) separates those expecting a refusal (below
   * 0.4) from the answerable ones (above 0.6); the other signals are noise.
   */
  static List<Example> separable(long seed, int answerable, int refusing) {
    Random random = new Random(seed);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < answerable + refusing; i++) {
      boolean refusal = i >= answerable;
      double[] x = new double[SIGNALS];
      for (int j = 1; j < SIGNALS; j++) {
        x[j] = random.nextDouble();
      }
      x[0] = refusal ? 0.4 * random.nextDouble() : 0.6 + 0.4 * random.nextDouble();
      examples.add(new Example("q" + i, x, refusal, true, !refusal, !refusal));
    }
    return examples;
  }

  @Test
  void onSeparableQuestionsTheFitRefusesExactlyThoseThatExpectARefusal() {
    List<Example> examples = separable(42, 80, 20);
    Calibrated calibrated = new RefusalCalibration(5, 42).calibrate(examples);
    assertThat(calibrated.model().weight("evidence")).isPositive();
    for (String name : ConfidenceModel.SIGNAL_NAMES.subList(1, SIGNALS)) {
      assertThat(Math.abs(calibrated.model().weight(name)))
          .as(name).isLessThan(calibrated.model().weight("evidence"));
    }
    assertThat(RefusalCalibration.PENALTIES).contains(calibrated.penalty());
    assertThat(calibrated.logLoss()).hasSize(RefusalCalibration.PENALTIES.size());
    Point point = RefusalCalibration.point(calibrated.model(), examples, calibrated.threshold());
    assertThat(point.precision()).isEqualTo(1.0);
    assertThat(point.recall()).isEqualTo(1.0);
    assertThat(point.keyFacts()).isEqualTo(80);

    Point heldOut = new RefusalCalibration(5, 42).crossValidate(examples);
    assertThat(heldOut.expectingRefusal()).isEqualTo(20);
    assertThat(heldOut.answerable()).isEqualTo(80);
    assertThat(heldOut.recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(heldOut.precision()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theThresholdSitsInTheMiddleOfTheBestPlateau() {
    // Confidence = evidence exactly: bias 0, weight 0 and a steep logistic in between is not
    // needed; the curve is computed for a model whose confidence rises with evidence.
    List<Example> examples = List.of(
        example("a", 0.9, false), example("b", 0.8, false), example("c", 0.1, true),
        example("d", 0.2, true));
    ConfidenceModel identityLike = ConfidenceModel.of(-5, weights(10));
    List<Point> curve = RefusalCalibration.curve(identityLike, examples);
    assertThat(curve).hasSize(101);
    double threshold = RefusalCalibration.chooseThreshold(curve);
    Point chosen = RefusalCalibration.point(identityLike, examples, threshold);
    assertThat(chosen.f1()).isEqualTo(1.0);
    double low = identityLike.confidence(features(0.2));
    double high = identityLike.confidence(features(0.8));
    assertThat(threshold).isGreaterThan(low).isLessThanOrEqualTo(high);
    assertThat(Math.abs(threshold - (low + high) / 2)).isLessThan(0.02);
  }

  @Test
  void aLoneJagOfTheCurveDoesNotChooseTheThreshold() {
    List<Point> curve = new ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      double t = i / 100.0;
      // A broad plateau of F1 0.8 from 0.50 to 0.70, one point of F1 0.84 at 0.20, low elsewhere.
      Point point = i == 20 ? new Point(t, 9, 8, 10, 50, 40, 40)
          : i >= 50 && i <= 70 ? new Point(t, 10, 8, 10, 50, 40, 40)
          : new Point(t, 30, 5, 10, 50, 40, 40);
      curve.add(point);
    }
    assertThat(curve.get(20).f1()).isGreaterThan(curve.get(60).f1());
    assertThat(RefusalCalibration.chooseThreshold(curve)).isEqualTo(0.60);
  }

  @Test
  void aQuestionWithoutAnAnswerIsRefusedWhateverItsConfidence() {
    Example none = new Example("x", features(1.0), false, false, false, false);
    Point point = RefusalCalibration.point(ConfidenceModel.of(10, weights(0)), List.of(none), 0);
    assertThat(point.refusals()).isEqualTo(1);
    assertThat(point.keyFacts()).isZero();
  }

  @Test
  void tooFewQuestionsOrWrongSignalsAreRejected() {
    assertThatThrownBy(() -> new RefusalCalibration(1, 42))
        .hasMessage("folds must be >= 2, got 1");
    assertThatThrownBy(() -> new RefusalCalibration(5, 42).calibrate(separable(1, 2, 1)))
        .hasMessage("need at least 5 questions, got 3");
    List<Example> wrong = new ArrayList<>(separable(1, 8, 2));
    wrong.add(new Example("short", new double[] {1}, false, true, true, true));
    assertThatThrownBy(() -> new RefusalCalibration(5, 42).calibrate(wrong))
        .hasMessage("question 'short' has 1 signals, expected " + SIGNALS);
  }

  private static Example example(String id, double evidence, boolean refusal) {
    return new Example(id, features(evidence), refusal, true, !refusal, !refusal);
  }

  private static double[] features(double evidence) {
    double[] x = new double[SIGNALS];
    x[0] = evidence;
    return x;
  }

  private static double[] weights(double evidenceWeight) {
    double[] w = new double[SIGNALS];
    w[0] = evidenceWeight;
    return w;
  }
}
