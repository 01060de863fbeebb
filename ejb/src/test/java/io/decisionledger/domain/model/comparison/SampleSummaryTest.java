package io.decisionledger.domain.model.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleSummaryTest {

  @Test
  void summarisesAsTheTextbookFormulasDo() {
    double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
    SampleSummary s = SampleSummary.of(values);
    assertThat(s.n()).isEqualTo(8);
    assertThat(s.mean()).isEqualTo(5.0);
    // Sum of squared deviations 32, sample variance 32 / 7.
    assertThat(s.variance()).isCloseTo(32.0 / 7, within(1e-12));
    assertThat(s.standardDeviation()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    assertThat(s.min()).isEqualTo(2);
    assertThat(s.max()).isEqualTo(9);
  }

  @Test
  void combiningPartsGivesTheSummaryOfTheWhole() {
    Random random = new Random(7);
    double[] all = new double[10_000];
    for (int i = 0; i < all.length; i++) {
      all[i] = 1_000_000 + random.nextGaussian() * 3;
    }
    SampleSummary whole = SampleSummary.of(all);
    SampleSummary combined =
        SampleSummary.of(Arrays.copyOfRange(all, 0, 17))
            .combine(SampleSummary.of(Arrays.copyOfRange(all, 17, 5000)))
            .combine(SampleSummary.EMPTY)
            .combine(SampleSummary.of(Arrays.copyOfRange(all, 5000, all.length)));
    assertThat(combined.n()).isEqualTo(whole.n());
    // Relative rounding of 1e-14 at a magnitude of 1e6.
    assertThat(combined.mean()).isCloseTo(whole.mean(), within(1e-7));
    assertThat(combined.variance()).isCloseTo(whole.variance(), within(1e-6));
    assertThat(combined.min()).isEqualTo(whole.min());
    assertThat(combined.max()).isEqualTo(whole.max());
    // Independent check: two-pass variance.
    double mean = Arrays.stream(all).average().orElseThrow();
    double ss = Arrays.stream(all).map(v -> (v - mean) * (v - mean)).sum();
    assertThat(combined.variance()).isCloseTo(ss / (all.length - 1), within(1e-6));
  }

  @Test
  void varianceIsUndefinedBelowTwoValues() {
    assertThat(SampleSummary.of(3.0).variance()).isNaN();
    assertThat(SampleSummary.EMPTY.n()).isZero();
  }
}
