package io.decisionledger.domain.model.comparison;

/**
 * Count, mean, sum of squared deviations (M2), minimum and maximum of a sample. Two summaries
 * combine exactly (Chan, Golub and LeVeque), so rollups of parts give the statistics of the whole
 * without revisiting a single value.
 */
public record SampleSummary(long n, double mean, double m2, double min, double max) {

  public static final SampleSummary EMPTY =
      new SampleSummary(0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

  public SampleSummary {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    // Rounding in a combination can leave a tiny negative sum of squares.
    m2 = Math.max(m2, 0);
  }

  /** The summary of the given values. */
  public static SampleSummary of(double... values) {
    Builder builder = new Builder();
    for (double value : values) {
      builder.add(value);
    }
    return builder.build();
  }

  /** Accumulates values one at a time (Welford's online algorithm). */
  public static final class Builder {
    private long n;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public Builder add(double value) {
      n++;
      double delta = value - mean;
      mean += delta / n;
      m2 += delta * (value - mean);
      min = Math.min(min, value);
      max = Math.max(max, value);
      return this;
    }

    public SampleSummary build() {
      return n == 0 ? EMPTY : new SampleSummary(n, mean, m2, min, max);
    }
  }

  /** The summary of both samples together. */
  public SampleSummary combine(SampleSummary other) {
    if (other.n == 0) {
      return this;
    }
    if (n == 0) {
      return other;
    }
    long total = n + other.n;
    double delta = other.mean - mean;
    double combinedMean = mean + delta * other.n / total;
    double combinedM2 = m2 + other.m2 + delta * delta * ((double) n * other.n / total);
    return new SampleSummary(
        total, combinedMean, combinedM2, Math.min(min, other.min), Math.max(max, other.max));
  }

  /** Sample variance (n - 1 in the denominator); NaN below two values. */
  public double variance() {
    return n < 2 ? Double.NaN : m2 / (n - 1);
  }

  /** Sample standard deviation; NaN below two values. */
  public double standardDeviation() {
    return Math.sqrt(variance());
  }
}
