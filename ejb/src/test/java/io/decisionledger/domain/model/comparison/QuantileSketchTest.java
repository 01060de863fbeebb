package io.decisionledger.domain.model.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {

  /** The exact quantile by the "lower" rank definition DDSketch uses. */
  private static double exact(double[] sorted, double q) {
    return sorted[(int) Math.floor(q * (sorted.length - 1))];
  }

  @Test
  void quantilesAreWithinTheStatedRelativeAccuracy() {
    Random random = new Random(42);
    double[] values = new double[50_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.exp(3 + random.nextGaussian());
    }
    QuantileSketch sketch = QuantileSketch.of(values);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    for (double q : new double[] {0.5, 0.95, 0.99}) {
      double truth = exact(sorted, q);
      assertThat(sketch.quantile(q))
          .as("q=%s", q)
          .isCloseTo(truth, within(truth * QuantileSketch.RELATIVE_ACCURACY * 1.01));
    }
  }

  @Test
  void mergedSketchesEqualOneSketchOfEverything() {
    Random random = new Random(1);
    QuantileSketch a = QuantileSketch.empty();
    QuantileSketch b = QuantileSketch.empty();
    QuantileSketch all = QuantileSketch.empty();
    for (int i = 0; i < 10_000; i++) {
      double v = 100 + random.nextGaussian() * 10;
      (i % 3 == 0 ? a : b).add(v);
      all.add(v);
    }
    a.merge(b);
    assertThat(a.count()).isEqualTo(10_000);
    assertThat(a.quantile(0.95)).isEqualTo(all.quantile(0.95));
  }

  @Test
  void survivesTheRoundTripThroughBytes() {
    QuantileSketch sketch = QuantileSketch.of(-5, 0, 1, 2, 3, 1000);
    QuantileSketch copy = QuantileSketch.fromBytes(sketch.toBytes());
    assertThat(copy.count()).isEqualTo(6);
    assertThat(copy.quantile(0.5)).isEqualTo(sketch.quantile(0.5));
    assertThat(copy.quantile(0)).isCloseTo(-5, within(5 * 0.01));
  }

  @Test
  void anEmptySketchHasNoQuantile() {
    assertThat(QuantileSketch.empty().quantile(0.5)).isNaN();
  }
}
