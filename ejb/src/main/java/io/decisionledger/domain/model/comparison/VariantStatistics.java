package io.decisionledger.domain.model.comparison;

import java.util.List;

/**
 * The statistics of one variant for one metric: over all its measurements (n, mean, median, p95,
 * min, max, standard deviation) and over its runs (the run means), with the test against the
 * baseline.
 *
 * @param runs number of runs with measurements of this metric
 * @param runMeans the mean of each run, oldest run first (for charts)
 * @param vsBaseline null for the baseline itself
 */
public record VariantStatistics(
    long variantId,
    String variant,
    boolean baseline,
    long runs,
    long n,
    double mean,
    double median,
    double p95,
    double min,
    double max,
    double standardDeviation,
    List<Double> runMeans,
    WelchTest vsBaseline) {

  public Verdict verdict() {
    return baseline ? Verdict.BASELINE
        : vsBaseline == null ? Verdict.NOT_ENOUGH_DATA : vsBaseline.verdict();
  }
}
