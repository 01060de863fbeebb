package io.decisionledger.application;

import io.decisionledger.domain.model.comparison.Comparison;
import io.decisionledger.domain.model.comparison.MetricComparison;
import io.decisionledger.domain.model.comparison.QuantileSketch;
import io.decisionledger.domain.model.comparison.SampleSummary;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.comparison.WelchTest;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares an experiment's variants metric by metric. The moments are aggregated in PostgreSQL
 * from the per-(run, metric) rollups, so the cost grows with runs, not with measurements; the
 * quantiles come from merging the runs' sketches.
 *
 * <p>Internal to the application layer: callers are the role-checked services ({@link
 * ComparisonService}, the decision service's evidence and its drift count for the metrics).
 */
@ApplicationScoped
public class ComparisonCalculator {

  /**
   * Per variant and metric: the exact moments over all measurements, combined from the run
   * rollups (Chan et al.), and the moments of the run means, for Welch's test.
   */
  private static final String AGGREGATE_SQL =
      """
      WITH s AS (
        SELECT r.variant_id, s.metric_id, s.run_id, r.started_at, s.n, s.mean, s.m2,
               s.min_value, s.max_value
        FROM run_metric_stats s
        JOIN run r ON r.id = s.run_id
        JOIN variant v ON v.id = r.variant_id
        WHERE v.experiment_id = ?1
      ), g AS (
        SELECT variant_id, metric_id, sum(n) AS n, sum(n * mean) / sum(n) AS mean
        FROM s GROUP BY variant_id, metric_id
      )
      SELECT s.variant_id, s.metric_id, g.n, g.mean,
             sum(s.m2 + s.n * (s.mean - g.mean) * (s.mean - g.mean)) AS m2,
             min(s.min_value), max(s.max_value),
             count(*) AS runs, avg(s.mean) AS run_mean,
             coalesce(var_samp(s.mean), 0) * (count(*) - 1) AS run_m2,
             min(s.mean), max(s.mean),
             array_agg(s.mean ORDER BY s.started_at, s.run_id) AS run_means
      FROM s JOIN g ON g.variant_id = s.variant_id AND g.metric_id = s.metric_id
      GROUP BY s.variant_id, s.metric_id, g.n, g.mean
      """;

  private static final String SKETCH_SQL =
      """
      SELECT r.variant_id, s.metric_id, s.sketch
      FROM run_metric_stats s
      JOIN run r ON r.id = s.run_id
      JOIN variant v ON v.id = r.variant_id
      WHERE v.experiment_id = ?1
      """;

  @PersistenceContext EntityManager em;


  @Inject ApplicationMetrics metrics;

  private record Key(long variantId, long metricId) {}

  private record Aggregate(SampleSummary all, SampleSummary runLevel, List<Double> runMeans) {}

  public Comparison compare(long experimentId) {
    long started = System.nanoTime();
    if (em.find(io.decisionledger.domain.model.experiment.Experiment.class, experimentId) == null) {
      throw new DomainException.NotFound("Experiment", experimentId);
    }
    List<Variant> variants = em.createQuery(
            "select v from Variant v where v.experiment.id = :id order by v.baseline desc, v.name",
            Variant.class)
        .setParameter("id", experimentId)
        .getResultList();
    List<Metric> metricList = em.createQuery(
            "select m from Metric m where m.experiment.id = :id order by m.name", Metric.class)
        .setParameter("id", experimentId)
        .getResultList();

    Map<Key, Aggregate> aggregates = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(AGGREGATE_SQL, Object[].class)
        .setParameter(1, experimentId)
        .getResultList();
    long measurements = 0;
    for (Object[] row : rows) {
      Key key = new Key(num(row[0]).longValue(), num(row[1]).longValue());
      long n = num(row[2]).longValue();
      measurements += n;
      SampleSummary all = new SampleSummary(n, dbl(row[3]), dbl(row[4]), dbl(row[5]), dbl(row[6]));
      SampleSummary runLevel = new SampleSummary(num(row[7]).longValue(), dbl(row[8]),
          dbl(row[9]), dbl(row[10]), dbl(row[11]));
      aggregates.put(key, new Aggregate(all, runLevel, doubles(row[12])));
    }
    Map<Key, QuantileSketch> sketches = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> sketchRows = em.createNativeQuery(SKETCH_SQL, Object[].class)
        .setParameter(1, experimentId)
        .getResultList();
    for (Object[] row : sketchRows) {
      Key key = new Key(num(row[0]).longValue(), num(row[1]).longValue());
      QuantileSketch sketch = QuantileSketch.fromBytes((byte[]) row[2]);
      sketches.merge(key, sketch, (a, b) -> {
        a.merge(b);
        return a;
      });
    }

    Variant baseline = variants.stream().filter(Variant::isBaseline).findFirst()
        .orElse(variants.isEmpty() ? null : variants.get(0));
    List<MetricComparison> result = new ArrayList<>();
    for (Metric metric : metricList) {
      Aggregate base = baseline == null ? null
          : aggregates.get(new Key(baseline.getId(), metric.getId()));
      List<VariantStatistics> stats = new ArrayList<>();
      for (Variant variant : variants) {
        Key key = new Key(variant.getId(), metric.getId());
        Aggregate agg = aggregates.get(key);
        boolean isBaseline = baseline != null && variant.getId().equals(baseline.getId());
        SampleSummary runLevel = agg == null ? SampleSummary.EMPTY : agg.runLevel();
        WelchTest test = isBaseline ? null
            : WelchTest.compare(runLevel, base == null ? SampleSummary.EMPTY : base.runLevel(),
                metric.getDirection());
        stats.add(statistics(variant, isBaseline, agg, sketches.get(key), test));
      }
      result.add(new MetricComparison(metric.getId(), metric.getName(), metric.getUnit(),
          metric.getDirection(), stats));
    }
    metrics.compared(Duration.ofNanos(System.nanoTime() - started));
    return new Comparison(experimentId, baseline == null ? null : baseline.getId(), measurements,
        result);
  }

  private static VariantStatistics statistics(Variant variant, boolean baseline, Aggregate agg,
      QuantileSketch sketch, WelchTest test) {
    if (agg == null) {
      return new VariantStatistics(variant.getId(), variant.getName(), baseline, 0, 0,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), test);
    }
    SampleSummary all = agg.all();
    double median = clamp(sketch == null ? Double.NaN : sketch.quantile(0.5), all);
    double p95 = clamp(sketch == null ? Double.NaN : sketch.quantile(0.95), all);
    return new VariantStatistics(variant.getId(), variant.getName(), baseline,
        agg.runLevel().n(), all.n(), all.mean(), median, p95, all.min(), all.max(),
        all.standardDeviation(), agg.runMeans(), test);
  }

  /** A sketch's estimate never lies outside the exact range. */
  private static double clamp(double value, SampleSummary all) {
    return Double.isNaN(value) ? value : Math.min(Math.max(value, all.min()), all.max());
  }

  private static Number num(Object o) {
    return (Number) o;
  }

  private static double dbl(Object o) {
    return o == null ? Double.NaN : ((Number) o).doubleValue();
  }

  private static List<Double> doubles(Object array) {
    List<Double> list = new ArrayList<>();
    if (array instanceof Object[] objects) {
      for (Object o : objects) {
        list.add(dbl(o));
      }
    } else if (array instanceof double[] ds) {
      for (double d : ds) {
        list.add(d);
      }
    } else if (array instanceof java.sql.Array sqlArray) {
      try {
        return doubles(sqlArray.getArray());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return list;
  }
}
