package io.groundwork.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToDoubleFunction;

/**
 * The extractive answerer's confidence that its answer is one it should give: a logistic model
 * over the ten numeric {@link AnswerSignals},
 * {@code confidence = 1 / (1 + exp(-(bias + sum of weight x signal)))}.
 *
 * <p>The weights are fitted on the development set by {@code groundwork calibrate-refusal}
 * ({@code eval.RefusalCalibration}) and checked in as {@value #RESOURCE}; {@link #standard()}
 * loads them, with the refusal threshold the same command chose ({@value #THRESHOLD}): the
 * answer is a refusal when the confidence is below it, unless {@code
 * groundwork.answer.min-confidence} overrides it. The weights and their threshold are one file so
 * that a refit never leaves a threshold chosen for other weights.
 *
 * <p>Immutable and thread-safe. Construction rejects unknown or missing signal names and
 * non-finite weights.
 */
public final class ConfidenceModel {
  /** Classpath resource holding the fitted weights. */
  public static final String RESOURCE = "/io/groundwork/answer/confidence-model.properties";
  /** Property key of the intercept. */
  public static final String BIAS = "bias";
  /** Property key of the refusal threshold chosen with the weights. */
  public static final String THRESHOLD = "threshold";
  /** Threshold of a model built without one: the logistic midpoint. */
  public static final double MIDPOINT = 0.5;

  /** A signal the model weighs: its name in the weights file and how it is read. */
  private record Signal(String name, ToDoubleFunction<AnswerSignals> value) {}

  private static final List<Signal> SIGNALS = List.of(
      new Signal("evidence", AnswerSignals::evidence),
      new Signal("passage-coverage", AnswerSignals::passageCoverage),
      new Signal("answer-coverage", AnswerSignals::answerCoverage),
      new Signal("type-match", AnswerSignals::typeMatch),
      new Signal("retrieval-score", AnswerSignals::retrievalScore),
      new Signal("retrieval-margin", AnswerSignals::retrievalMargin),
      new Signal("support", AnswerSignals::support),
      new Signal("uncovered-term", AnswerSignals::uncoveredTerm),
      new Signal("sentence-margin", AnswerSignals::sentenceMargin),
      new Signal("phrase-coverage", AnswerSignals::phraseCoverage));

  /** The names of the weighed signals, in the order of {@link #features}. */
  public static final List<String> SIGNAL_NAMES = SIGNALS.stream().map(Signal::name).toList();

  private static volatile ConfidenceModel standard;

  private final double bias;
  private final double[] weights;
  private final double threshold;

  /**
   * A model with the threshold {@value #MIDPOINT}.
   *
   * @param bias the intercept
   * @param weights one weight per name of {@link #SIGNAL_NAMES}, no other
   */
  public ConfidenceModel(double bias, Map<String, Double> weights) {
    this(bias, weights, MIDPOINT);
  }

  /**
   * @param bias the intercept
   * @param weights one weight per name of {@link #SIGNAL_NAMES}, no other
   * @param threshold the confidence (0..1) below which an answer is a refusal
   */
  public ConfidenceModel(double bias, Map<String, Double> weights, double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bias must be finite, got " + bias);
    }
    if (weights == null) {
      throw new IllegalArgumentException("weights must not be null");
    }
    for (String name : weights.keySet()) {
      if (!SIGNAL_NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown signal '" + name + "'; known: " + SIGNAL_NAMES);
      }
    }
    this.bias = bias;
    this.threshold = threshold;
    this.weights = new double[SIGNALS.size()];
    for (int i = 0; i < SIGNALS.size(); i++) {
      Double weight = weights.get(SIGNAL_NAMES.get(i));
      if (weight == null) {
        throw new IllegalArgumentException("no weight for signal '" + SIGNAL_NAMES.get(i) + "'");
      }
      if (!Double.isFinite(weight)) {
        throw new IllegalArgumentException(
            "weight of '" + SIGNAL_NAMES.get(i) + "' must be finite, got " + weight);
      }
      this.weights[i] = weight;
    }
  }

  /**
   * A model from an array of weights in the order of {@link #SIGNAL_NAMES}, threshold {@value
   * #MIDPOINT}.
   */
  public static ConfidenceModel of(double bias, double[] weights) {
    return of(bias, weights, MIDPOINT);
  }

  /** A model from an array of weights in the order of {@link #SIGNAL_NAMES}. */
  public static ConfidenceModel of(double bias, double[] weights, double threshold) {
    if (weights.length != SIGNAL_NAMES.size()) {
      throw new IllegalArgumentException("expected " + SIGNAL_NAMES.size() + " weights, got "
          + weights.length);
    }
    Map<String, Double> byName = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      byName.put(SIGNAL_NAMES.get(i), weights[i]);
    }
    return new ConfidenceModel(bias, byName, threshold);
  }

  /** The checked-in model ({@value #RESOURCE}), loaded once. */
  public static ConfidenceModel standard() {
    ConfidenceModel model = standard;
    if (model == null) {
      try (InputStream in = ConfidenceModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        Properties properties = new Properties();
        properties.load(in);
        model = parse(properties);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      standard = model;
    }
    return model;
  }

  /**
   * A model from properties: {@value #BIAS}, one key per signal name and optionally {@value
   * #THRESHOLD} (default {@value #MIDPOINT}).
   */
  public static ConfidenceModel parse(Properties properties) {
    Map<String, Double> weights = new LinkedHashMap<>();
    Double bias = null;
    double threshold = MIDPOINT;
    for (String key : properties.stringPropertyNames()) {
      String text = properties.getProperty(key).strip();
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + key + "' is not a number: '" + text + "'", e);
      }
      if (key.equals(BIAS)) {
        bias = value;
      } else if (key.equals(THRESHOLD)) {
        threshold = value;
      } else {
        weights.put(key, value);
      }
    }
    if (bias == null) {
      throw new IllegalArgumentException("no '" + BIAS + "'");
    }
    return new ConfidenceModel(bias, weights, threshold);
  }

  /** This model with another refusal threshold. */
  public ConfidenceModel withThreshold(double threshold) {
    return of(bias, weights, threshold);
  }

  /** The signals the model weighs, in the order of {@link #SIGNAL_NAMES}. */
  public static double[] features(AnswerSignals signals) {
    double[] x = new double[SIGNALS.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = SIGNALS.get(i).value().applyAsDouble(signals);
    }
    return x;
  }

  /** The confidence (0..1) of an answer with {@code signals}. */
  public double confidence(AnswerSignals signals) {
    return confidence(features(signals));
  }

  /** The confidence (0..1) of features in the order of {@link #SIGNAL_NAMES}. */
  public double confidence(double[] features) {
    if (features.length != weights.length) {
      throw new IllegalArgumentException("expected " + weights.length + " features, got "
          + features.length);
    }
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  public double bias() {
    return bias;
  }

  /** The confidence below which an answer is a refusal, chosen with the weights. */
  public double threshold() {
    return threshold;
  }

  /** The weight of signal {@code name}. */
  public double weight(String name) {
    int i = SIGNAL_NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown signal '" + name + "'; known: " + SIGNAL_NAMES);
    }
    return weights[i];
  }

  /** The weights file's text: {@code comment} lines, then the threshold, bias and weights. */
  public String toProperties(List<String> comment) {
    StringBuilder text = new StringBuilder();
    comment.forEach(line -> text.append("# ").append(line).append('\n'));
    text.append(String.format(Locale.ROOT, "%s=%.2f%n", THRESHOLD, threshold));
    text.append(String.format(Locale.ROOT, "%s=%.6f%n", BIAS, bias));
    for (int i = 0; i < weights.length; i++) {
      text.append(String.format(Locale.ROOT, "%s=%.6f%n", SIGNAL_NAMES.get(i), weights[i]));
    }
    return text.toString();
  }
}
