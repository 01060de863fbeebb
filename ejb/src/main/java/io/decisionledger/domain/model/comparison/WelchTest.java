package io.decisionledger.domain.model.comparison;

import io.decisionledger.domain.model.experiment.MetricDirection;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.StatisticalSummaryValues;
import org.hipparchus.stat.inference.TTest;

/**
 * Welch's unequal-variances t procedure on run-level means: the run is the unit of replication, so
 * a variant with three runs of 10,000 samples has three observations, not 30,000.
 *
 * @param difference mean of the variant's run means minus the baseline's
 * @param lower lower bound of the 95% confidence interval of the difference
 * @param upper upper bound of the 95% confidence interval of the difference
 * @param degreesOfFreedom Welch-Satterthwaite degrees of freedom
 * @param pValue two-sided p-value of "no difference"
 * @param ratio variant mean over baseline mean (NaN when the baseline mean is zero)
 * @param verdict the verdict in the metric's direction
 */
public record WelchTest(
    double difference,
    double lower,
    double upper,
    double degreesOfFreedom,
    double pValue,
    double ratio,
    Verdict verdict) {

  /** Confidence level of the interval. */
  public static final double CONFIDENCE = 0.95;

  /**
   * Compares the run means of a variant with those of the baseline.
   *
   * @param variant summary of the variant's run means (n = number of runs)
   * @param baseline summary of the baseline's run means
   */
  public static WelchTest compare(
      SampleSummary variant, SampleSummary baseline, MetricDirection direction) {
    double difference = variant.mean() - baseline.mean();
    double ratio = baseline.mean() == 0 ? Double.NaN : variant.mean() / baseline.mean();
    if (variant.n() < 2 || baseline.n() < 2) {
      double d = variant.n() == 0 || baseline.n() == 0 ? Double.NaN : difference;
      return new WelchTest(
          d, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          variant.n() == 0 || baseline.n() == 0 ? Double.NaN : ratio, Verdict.NOT_ENOUGH_DATA);
    }
    double va = variant.variance() / variant.n();
    double vb = baseline.variance() / baseline.n();
    double standardError = Math.sqrt(va + vb);
    if (standardError == 0) {
      // Both sides without spread: any difference is certain, none is none.
      Verdict verdict = difference == 0 ? Verdict.NO_SIGNIFICANT_DIFFERENCE
          : directional(difference, direction);
      return new WelchTest(difference, difference, difference, Double.POSITIVE_INFINITY,
          difference == 0 ? 1.0 : 0.0, ratio, verdict);
    }
    double df = (va + vb) * (va + vb)
        / (va * va / (variant.n() - 1) + vb * vb / (baseline.n() - 1));
    double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    double lower = difference - t * standardError;
    double upper = difference + t * standardError;
    double p = new TTest().tTest(asHipparchus(variant), asHipparchus(baseline));
    Verdict verdict = lower > 0 || upper < 0
        ? directional(difference, direction)
        : Verdict.NO_SIGNIFICANT_DIFFERENCE;
    return new WelchTest(difference, lower, upper, df, p, ratio, verdict);
  }

  private static Verdict directional(double difference, MetricDirection direction) {
    boolean increased = difference > 0;
    return increased == direction.increaseIsBetter() ? Verdict.BETTER : Verdict.WORSE;
  }

  private static StatisticalSummaryValues asHipparchus(SampleSummary s) {
    return new StatisticalSummaryValues(s.mean(), s.variance(), s.n(), s.max(), s.min(),
        s.mean() * s.n());
  }
}
