package io.decisionledger.interfaces.experiment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.domain.model.comparison.Verdict;
import io.decisionledger.domain.model.comparison.WelchTest;
import io.decisionledger.interfaces.web.Format;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatTest {

  private final Format fmt = new Format();

  @Test
  void numbersReadWell() {
    assertThat(fmt.num(Double.NaN)).isEqualTo("—");
    assertThat(fmt.num(12345.678)).isEqualTo("12,345.7");
    assertThat(fmt.num(41.666)).isEqualTo("41.67");
    assertThat(fmt.num(0.0012345)).isEqualTo("0.0012");
    assertThat(fmt.meanSd(10, Double.NaN)).isEqualTo("10");
    assertThat(fmt.meanSd(10, 1.5)).isEqualTo("10 ± 1.5");
  }

  @Test
  void comparisonAgainstTheBaseline() {
    WelchTest t = new WelchTest(-2.5, -4, -1, 5, 0.01, 0.9, Verdict.BETTER);
    assertThat(fmt.ratio(t)).isEqualTo("0.90×");
    assertThat(fmt.interval(t)).isEqualTo("-2.5 [-4, -1]");
    WelchTest none = new WelchTest(1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1.1,
        Verdict.NOT_ENOUGH_DATA);
    assertThat(fmt.interval(none)).isEqualTo("—");
    assertThat(fmt.verdictClass(Verdict.NO_SIGNIFICANT_DIFFERENCE))
        .isEqualTo("badge verdict-no_significant_difference");
  }

  @Test
  void timesAreUtc() {
    assertThat(fmt.instant(Instant.parse("2026-01-31T12:34:56Z"))).isEqualTo("2026-01-31 12:34 UTC");
    assertThat(fmt.instant(null)).isEqualTo("—");
  }
}
