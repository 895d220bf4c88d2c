package io.groundwork.eval;

import io.groundwork.answer.ConfidenceModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fits the extractive answerer's {@link ConfidenceModel} and chooses its refusal threshold on
 * questions whose expected outcome is known, and measures both on held-out questions.
 *
 * <ul>
 *   <li><b>Weights</b>: L2-regularised logistic regression of "a refusal is not expected" on the
 *       signals, standardised (mean 0, standard deviation 1 on the fitting questions) so that
 *       one penalty suits every signal; the intercept is not penalised. Newton's method, to a
 *       change below 1e-9 or 100 steps. Questions for which no sentence reached the least
 *       evidence are refused whatever the model says, so they are left out of the fit (but not
 *       out of the figures).
 *   <li><b>Penalty</b>: the one of {@link #PENALTIES} with the lowest mean log loss over a
 *       seeded k-fold cross-validation; ties go to the stronger penalty.
 *   <li><b>Threshold</b>: the confidence below which to refuse, chosen among 0.00, 0.01, ...,
 *       1.00 to maximise the F1 of refusing (refusal precision and recall, the positive class
 *       being the questions that expect a refusal), averaged over the threshold and its five
 *       neighbours on either side so that a lone jag of the curve does not decide; among
 *       equally good thresholds, the middle of the first run of them, so that it sits inside the
 *       plateau rather than at its edge.
 *   <li><b>Held out</b>: {@link #crossValidate} repeats penalty choice, fit and threshold choice
 *       on k-1 folds and applies them to the k-th, so that every question is judged by a model
 *       and threshold that never saw it.
 * </ul>
 *
 * Deterministic for a given seed. Stateless; thread-safe.
 */
public final class RefusalCalibration {
  /** The L2 penalties tried, on standardised signals. */
  public static final List<Double> PENALTIES = List.of(1.0, 3.0, 10.0, 30.0, 100.0);
  /** Thresholds tried, in steps of 0.01. */
  static final int THRESHOLD_STEPS = 100;
  /** Neighbouring thresholds on either side over which the F1 is averaged to choose one. */
  static final int SMOOTHING = 5;

  /**
   * One question as the answerer saw it.
   *
   * @param id the question's id
   * @param features the signals, in the order of {@link ConfidenceModel#SIGNAL_NAMES}
   * @param refusalExpected whether the right outcome is a refusal
   * @param proposed whether the answerer had an answer to give (some sentence reached the least
   *     evidence); false means it refuses whatever its confidence
   * @param factIfAnswered whether that answer states the key fact
   * @param sourceIfAnswered whether that answer cites an expected document first
   */
  public record Example(String id, double[] features, boolean refusalExpected, boolean proposed,
      boolean factIfAnswered, boolean sourceIfAnswered) {
    public Example {
      features = features.clone();
    }
  }

  /**
   * Refusal figures at one threshold.
   *
   * @param threshold refuse below this confidence
   * @param refusals questions refused
   * @param refusalsRight refusals of questions that expect one
   * @param expectingRefusal questions that expect a refusal
   * @param answerable questions that expect an answer
   * @param keyFacts answerable questions answered with their key fact
   * @param rightSource answerable questions answered with an expected document first
   */
  public record Point(double threshold, int refusals, int refusalsRight, int expectingRefusal,
      int answerable, int keyFacts, int rightSource) {
    public double precision() {
      return refusals == 0 ? 0 : (double) refusalsRight / refusals;
    }

    public double recall() {
      return expectingRefusal == 0 ? 0 : (double) refusalsRight / expectingRefusal;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double keyFactRate() {
      return answerable == 0 ? 0 : (double) keyFacts / answerable;
    }

    public double rightSourceRate() {
      return answerable == 0 ? 0 : (double) rightSource / answerable;
    }
  }

  /**
   * A fitted model and its threshold.
   *
   * @param model the weights
   * @param penalty the L2 penalty chosen
   * @param threshold the refusal threshold chosen
   * @param logLoss mean cross-validated log loss of each penalty, in the order of {@link
   *     #PENALTIES}
   */
  public record Calibrated(ConfidenceModel model, double penalty, double threshold,
      List<Double> logLoss) {}

  private final int folds;
  private final long seed;

  /**
   * @param folds folds of the cross-validations (at least 2)
   * @param seed seed of the fold assignment
   */
  public RefusalCalibration(int folds, long seed) {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2, got " + folds);
    }
    this.folds = folds;
    this.seed = seed;
  }

  /** Chooses the penalty, fits the model on all of {@code examples} and chooses the threshold. */
  public Calibrated calibrate(List<Example> examples) {
    check(examples);
    List<Double> losses = new ArrayList<>();
    double bestLoss = Double.POSITIVE_INFINITY;
    double penalty = PENALTIES.getFirst();
    for (double candidate : PENALTIES) {
      double loss = crossValidatedLogLoss(examples, candidate);
      losses.add(loss);
      if (loss <= bestLoss + 1e-12) {
        bestLoss = Math.min(bestLoss, loss);
        penalty = candidate;
      }
    }
    ConfidenceModel model = fit(examples, penalty);
    return new Calibrated(model, penalty, chooseThreshold(curve(model, examples)), losses);
  }

  /**
   * The held-out figures: each fold judged by a model and threshold calibrated on the others;
   * one point whose threshold is the mean of the folds' thresholds.
   */
  public Point crossValidate(List<Example> examples) {
    check(examples);
    List<List<Example>> split = split(examples);
    int refusals = 0;
    int right = 0;
    int expecting = 0;
    int answerable = 0;
    int facts = 0;
    int sources = 0;
    double thresholds = 0;
    for (int k = 0; k < folds; k++) {
      List<Example> training = new ArrayList<>();
      for (int j = 0; j < folds; j++) {
        if (j != k) {
          training.addAll(split.get(j));
        }
      }
      Calibrated calibrated = calibrate(training);
      thresholds += calibrated.threshold();
      Point point = point(calibrated.model(), split.get(k), calibrated.threshold());
      refusals += point.refusals();
      right += point.refusalsRight();
      expecting += point.expectingRefusal();
      answerable += point.answerable();
      facts += point.keyFacts();
      sources += point.rightSource();
    }
    return new Point(thresholds / folds, refusals, right, expecting, answerable, facts, sources);
  }

  /** The refusal figures of {@code model} at thresholds 0.00, 0.01, ..., 1.00. */
  public static List<Point> curve(ConfidenceModel model, List<Example> examples) {
    List<Point> curve = new ArrayList<>();
    for (int step = 0; step <= THRESHOLD_STEPS; step++) {
      curve.add(point(model, examples, (double) step / THRESHOLD_STEPS));
    }
    return curve;
  }

  /** The refusal figures of {@code model} at {@code threshold}. */
  public static Point point(ConfidenceModel model, List<Example> examples, double threshold) {
    int refusals = 0;
    int right = 0;
    int expecting = 0;
    int answerable = 0;
    int facts = 0;
    int sources = 0;
    for (Example e : examples) {
      boolean refused = !e.proposed() || model.confidence(e.features()) < threshold;
      refusals += refused ? 1 : 0;
      if (e.refusalExpected()) {
        expecting++;
        right += refused ? 1 : 0;
      } else {
        answerable++;
        facts += !refused && e.factIfAnswered() ? 1 : 0;
        sources += !refused && e.sourceIfAnswered() ? 1 : 0;
      }
    }
    return new Point(threshold, refusals, right, expecting, answerable, facts, sources);
  }

  /**
   * The threshold of the best refusal F1, read from the F1 averaged over the threshold and its
   * {@value #SMOOTHING} neighbours on either side: on a few dozen questions that expect a
   * refusal the curve is flat and jagged, and its single highest point moves by a tenth of the
   * range when one question changes. Among equally good thresholds, the middle of the first run.
   */
  public static double chooseThreshold(List<Point> curve) {
    double[] smoothed = new double[curve.size()];
    for (int i = 0; i < curve.size(); i++) {
      int from = Math.max(0, i - SMOOTHING);
      int to = Math.min(curve.size() - 1, i + SMOOTHING);
      double sum = 0;
      for (int j = from; j <= to; j++) {
        sum += curve.get(j).f1();
      }
      smoothed[i] = sum / (to - from + 1);
    }
    double best = java.util.Arrays.stream(smoothed).max().orElse(0);
    int first = -1;
    int last = -1;
    for (int i = 0; i < curve.size(); i++) {
      if (smoothed[i] >= best - 1e-12) {
        if (first < 0) {
          first = i;
        }
        last = i;
      } else if (first >= 0) {
        break;
      }
    }
    return curve.get((first + last) / 2).threshold();
  }

  /** Fits the logistic model with L2 penalty {@code penalty} on standardised signals. */
  public static ConfidenceModel fit(List<Example> examples, double penalty) {
    List<Example> fitted = examples.stream().filter(Example::proposed).toList();
    int d = ConfidenceModel.SIGNAL_NAMES.size();
    if (fitted.isEmpty()) {
      throw new IllegalArgumentException("no question with an answer to fit on");
    }
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (Example e : fitted) {
      for (int j = 0; j < d; j++) {
        mean[j] += e.features()[j] / fitted.size();
      }
    }
    for (Example e : fitted) {
      for (int j = 0; j < d; j++) {
        double diff = e.features()[j] - mean[j];
        scale[j] += diff * diff / fitted.size();
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] < 1e-12 ? 1 : Math.sqrt(scale[j]);
    }
    int n = fitted.size();
    double[][] x = new double[n][d + 1];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      Example e = fitted.get(i);
      x[i][0] = 1;
      for (int j = 0; j < d; j++) {
        x[i][j + 1] = (e.features()[j] - mean[j]) / scale[j];
      }
      y[i] = e.refusalExpected() ? 0 : 1;
    }
    double[] beta = new double[d + 1];
    for (int iteration = 0; iteration < 100; iteration++) {
      double[] gradient = new double[d + 1];
      double[][] hessian = new double[d + 1][d + 1];
      for (int i = 0; i < n; i++) {
        double p = sigmoid(dot(beta, x[i]));
        double w = Math.max(p * (1 - p), 1e-12);
        for (int a = 0; a <= d; a++) {
          gradient[a] += (p - y[i]) * x[i][a];
          for (int b = 0; b <= d; b++) {
            hessian[a][b] += w * x[i][a] * x[i][b];
          }
        }
      }
      for (int a = 1; a <= d; a++) {
        gradient[a] += penalty * beta[a];
        hessian[a][a] += penalty;
      }
      hessian[0][0] += 1e-9; // keeps a one-class fit solvable
      double[] step = solve(hessian, gradient);
      double change = 0;
      for (int a = 0; a <= d; a++) {
        beta[a] -= step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-9) {
        break;
      }
    }
    double bias = beta[0];
    double[] weights = new double[d];
    for (int j = 0; j < d; j++) {
      weights[j] = beta[j + 1] / scale[j];
      bias -= beta[j + 1] * mean[j] / scale[j];
    }
    return ConfidenceModel.of(bias, weights);
  }

  private double crossValidatedLogLoss(List<Example> examples, double penalty) {
    List<List<Example>> split = split(examples);
    double loss = 0;
    int count = 0;
    for (int k = 0; k < folds; k++) {
      List<Example> training = new ArrayList<>();
      for (int j = 0; j < folds; j++) {
        if (j != k) {
          training.addAll(split.get(j));
        }
      }
      if (training.stream().noneMatch(Example::proposed)) {
        continue;
      }
      ConfidenceModel model = fit(training, penalty);
      for (Example e : split.get(k)) {
        if (!e.proposed()) {
          continue;
        }
        double p = Math.min(1 - 1e-12, Math.max(1e-12, model.confidence(e.features())));
        loss -= e.refusalExpected() ? Math.log(1 - p) : Math.log(p);
        count++;
      }
    }
    return count == 0 ? 0 : loss / count;
  }

  /**
   * Seeded folds, stratified by whether a refusal is expected, so that every fold holds
   * questions of both kinds.
   */
  private List<List<Example>> split(List<Example> examples) {
    List<Example> refusing = new ArrayList<>();
    List<Example> answering = new ArrayList<>();
    for (Example e : examples) {
      (e.refusalExpected() ? refusing : answering).add(e);
    }
    Random random = new Random(seed);
    Collections.shuffle(refusing, random);
    Collections.shuffle(answering, random);
    List<List<Example>> split = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      split.add(new ArrayList<>());
    }
    int i = 0;
    for (Example e : refusing) {
      split.get(i++ % folds).add(e);
    }
    for (Example e : answering) {
      split.get(i++ % folds).add(e);
    }
    return split;
  }

  private void check(List<Example> examples) {
    if (examples.size() < folds) {
      throw new IllegalArgumentException("need at least " + folds + " questions, got "
          + examples.size());
    }
    int d = ConfidenceModel.SIGNAL_NAMES.size();
    for (Example e : examples) {
      if (e.features().length != d) {
        throw new IllegalArgumentException("question '" + e.id() + "' has "
            + e.features().length + " signals, expected " + d);
      }
    }
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    double[] v = b.clone();
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      double t = v[col];
      v[col] = v[pivot];
      v[pivot] = t;
      for (int row = col + 1; row < n; row++) {
        double factor = m[row][col] / m[col][col];
        v[row] -= factor * v[col];
        for (int k = col; k < n; k++) {
          m[row][k] -= factor * m[col][k];
        }
      }
    }
    double[] x = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double sum = v[row];
      for (int k = row + 1; k < n; k++) {
        sum -= m[row][k] * x[k];
      }
      x[row] = sum / m[row][row];
    }
    return x;
  }
}
