package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfidenceModelTest {
  private static final long SEED = 20261205L;

  private static ConfidenceModel randomModel(Random random) {
    double[] weights = new double[ConfidenceModel.SIGNAL_NAMES.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextGaussian() * 4;
    }
    return ConfidenceModel.of(random.nextGaussian() * 3, weights);
  }

  @Test
  void theConfidenceIsAProbabilityAndMovesWithEachSignalInTheDirectionOfItsWeight() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < 200; trial++) {
      ConfidenceModel model = randomModel(random);
      double[] x = new double[ConfidenceModel.SIGNAL_NAMES.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextDouble();
      }
      double base = model.confidence(x);
      assertThat(base).isBetween(0.0, 1.0);
      for (int i = 0; i < x.length; i++) {
        double[] up = x.clone();
        up[i] += 0.5;
        double raised = model.confidence(up);
        assertThat(raised).isBetween(0.0, 1.0);
        double weight = model.weight(ConfidenceModel.SIGNAL_NAMES.get(i));
        if (weight > 0) {
          assertThat(raised).as("signal %d, weight %s", i, weight).isGreaterThanOrEqualTo(base);
        } else {
          assertThat(raised).as("signal %d, weight %s", i, weight).isLessThanOrEqualTo(base);
        }
      }
    }
  }

  @Test
  void extremeSignalsStayWithinZeroAndOne() {
    ConfidenceModel model = ConfidenceModel.of(0, new double[] {500, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThat(model.confidence(new double[] {10, 0, 0, 0, 0, 0, 0, 0, 0, 0})).isEqualTo(1.0);
    assertThat(model.confidence(new double[] {-10, 0, 0, 0, 0, 0, 0, 0, 0, 0})).isEqualTo(0.0);
    assertThat(model.confidence(new double[10])).isEqualTo(0.5);
  }

  @Test
  void readsTheSignalsOfAnAnswerByName() {
    AnswerSignals signals = new AnswerSignals(null, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, true, 0.7,
        0.8, 0.9, 0.95, 0);
    assertThat(ConfidenceModel.features(signals))
        .containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95);
    Map<String, Double> weights = new HashMap<>();
    ConfidenceModel.SIGNAL_NAMES.forEach(name -> weights.put(name, 0.0));
    weights.put("support", 2.0);
    ConfidenceModel model = new ConfidenceModel(-1, weights);
    assertThat(model.confidence(signals)).isCloseTo(1 / (1 + Math.exp(-(-1 + 2 * 0.7))),
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theWeightsFileRoundTripsAndTheCheckedInOneCoversEverySignal() throws IOException {
    ConfidenceModel model = randomModel(new Random(SEED));
    Properties properties = new Properties();
    properties.load(new StringReader(model.toProperties(List.of("fitted by a test"))));
    ConfidenceModel read = ConfidenceModel.parse(properties);
    for (String name : ConfidenceModel.SIGNAL_NAMES) {
      assertThat(read.weight(name)).isCloseTo(model.weight(name),
          org.assertj.core.data.Offset.offset(1e-6));
    }
    ConfidenceModel standard = ConfidenceModel.standard();
    assertThat(standard.confidence(new double[ConfidenceModel.SIGNAL_NAMES.size()]))
        .isBetween(0.0, 1.0);
    assertThat(standard.threshold()).isStrictlyBetween(0.0, 1.0);
  }

  @Test
  void theRefusalThresholdIsStoredWithTheWeights() throws IOException {
    ConfidenceModel model = randomModel(new Random(SEED)).withThreshold(0.37);
    Properties properties = new Properties();
    properties.load(new StringReader(model.toProperties(List.of())));
    assertThat(properties.getProperty(ConfidenceModel.THRESHOLD)).isEqualTo("0.37");
    ConfidenceModel read = ConfidenceModel.parse(properties);
    assertThat(read.threshold()).isEqualTo(0.37);
    assertThat(read.bias()).isCloseTo(model.bias(), org.assertj.core.data.Offset.offset(1e-6));
    properties.remove(ConfidenceModel.THRESHOLD);
    assertThat(ConfidenceModel.parse(properties).threshold()).isEqualTo(ConfidenceModel.MIDPOINT);
    assertThatThrownBy(() -> model.withThreshold(1.5))
        .hasMessage("threshold must be in [0, 1], got 1.5");
    properties.setProperty(ConfidenceModel.THRESHOLD, "-0.1");
    assertThatThrownBy(() -> ConfidenceModel.parse(properties))
        .hasMessage("threshold must be in [0, 1], got -0.1");
  }

  @Test
  void badWeightsAreRejectedWithTheirName() {
    Map<String, Double> weights = new HashMap<>();
    ConfidenceModel.SIGNAL_NAMES.forEach(name -> weights.put(name, 1.0));
    weights.put("loudness", 1.0);
    assertThatThrownBy(() -> new ConfidenceModel(0, weights))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown signal 'loudness'");
    weights.remove("loudness");
    weights.remove("support");
    assertThatThrownBy(() -> new ConfidenceModel(0, weights))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no weight for signal 'support'");
    weights.put("support", Double.NaN);
    assertThatThrownBy(() -> new ConfidenceModel(0, weights))
        .hasMessage("weight of 'support' must be finite, got NaN");
    Properties properties = new Properties();
    properties.setProperty("evidence", "lots");
    assertThatThrownBy(() -> ConfidenceModel.parse(properties))
        .hasMessage("'evidence' is not a number: 'lots'");
    properties.setProperty("evidence", "1");
    assertThatThrownBy(() -> ConfidenceModel.parse(properties)).hasMessage("no 'bias'");
  }
}
