package io.decisionledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds (HdrHistogram, 3 significant digits), reported in milliseconds. */
public final class Latencies {

  private final Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);

  public void record(long nanos) {
    histogram.recordValue(Math.max(1, nanos / 1_000));
  }

  public long count() {
    return histogram.getTotalCount();
  }

  public double percentileMs(double p) {
    return histogram.getValueAtPercentile(p) / 1000.0;
  }

  public double p50() {
    return percentileMs(50);
  }

  public double p95() {
    return percentileMs(95);
  }

  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", count());
    m.put("p50Ms", p50());
    m.put("p95Ms", p95());
    m.put("p99Ms", percentileMs(99));
    m.put("maxMs", histogram.getMaxValue() / 1000.0);
    m.put("meanMs", histogram.getMean() / 1000.0);
    return m;
  }
}
