package io.decisionledger.domain.model.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.decisionledger.domain.model.experiment.MetricDirection;
import org.junit.jupiter.api.Test;

class WelchTestTest {

  // Baseline {1, 2, 3} and variant {4, 5, 6}: equal sizes and variances, so Welch's degrees of
  // freedom are exactly 2(n - 1) = 4, and the tabulated t(0.975, 4) = 2.776445 applies.
  private static final SampleSummary BASELINE = SampleSummary.of(1, 2, 3);
  private static final SampleSummary HIGHER = SampleSummary.of(4, 5, 6);

  @Test
  void intervalMatchesTheTabulatedTQuantile() {
    WelchTest test = WelchTest.compare(HIGHER, BASELINE, MetricDirection.HIGHER_IS_BETTER);
    double se = Math.sqrt(1.0 / 3 + 1.0 / 3);
    assertThat(test.degreesOfFreedom()).isCloseTo(4.0, within(1e-9));
    assertThat(test.difference()).isEqualTo(3.0);
    assertThat(test.lower()).isCloseTo(3 - 2.776445 * se, within(1e-5));
    assertThat(test.upper()).isCloseTo(3 + 2.776445 * se, within(1e-5));
    assertThat(test.ratio()).isCloseTo(2.5, within(1e-12));
    // t = 3.674 on 4 degrees of freedom: two-sided p between 0.02 and 0.025 (t tables: 3.495 at
    // p = 0.025, 3.747 at p = 0.02).
    assertThat(test.pValue()).isBetween(0.02, 0.025);
    assertThat(test.verdict()).isEqualTo(Verdict.BETTER);
  }

  @Test
  void verdictFollowsTheMetricsDirection() {
    assertThat(WelchTest.compare(HIGHER, BASELINE, MetricDirection.LOWER_IS_BETTER).verdict())
        .isEqualTo(Verdict.WORSE);
    assertThat(WelchTest.compare(BASELINE, HIGHER, MetricDirection.LOWER_IS_BETTER).verdict())
        .isEqualTo(Verdict.BETTER);
    assertThat(WelchTest.compare(BASELINE, HIGHER, MetricDirection.HIGHER_IS_BETTER).verdict())
        .isEqualTo(Verdict.WORSE);
  }

  @Test
  void overlappingSamplesShowNoSignificantDifference() {
    WelchTest test = WelchTest.compare(SampleSummary.of(1, 5, 9), SampleSummary.of(2, 5, 8),
        MetricDirection.LOWER_IS_BETTER);
    assertThat(test.lower()).isNegative();
    assertThat(test.upper()).isPositive();
    assertThat(test.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
  }

  @Test
  void fewerThanTwoRunsIsNotEnoughData() {
    WelchTest test = WelchTest.compare(SampleSummary.of(10), BASELINE,
        MetricDirection.LOWER_IS_BETTER);
    assertThat(test.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
    assertThat(test.lower()).isNaN();
    assertThat(WelchTest.compare(HIGHER, SampleSummary.EMPTY, MetricDirection.LOWER_IS_BETTER)
        .verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
  }

  @Test
  void samplesWithoutSpreadAreDecidedByTheirMeans() {
    assertThat(WelchTest.compare(SampleSummary.of(2, 2), SampleSummary.of(1, 1),
        MetricDirection.HIGHER_IS_BETTER).verdict()).isEqualTo(Verdict.BETTER);
    assertThat(WelchTest.compare(SampleSummary.of(1, 1), SampleSummary.of(1, 1),
        MetricDirection.HIGHER_IS_BETTER).verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
  }
}
