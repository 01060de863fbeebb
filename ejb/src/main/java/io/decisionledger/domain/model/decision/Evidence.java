package io.decisionledger.domain.model.decision;

import io.decisionledger.domain.model.comparison.Verdict;
import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.comparison.WelchTest;
import io.decisionledger.domain.model.experiment.MetricDirection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import java.util.Objects;

/**
 * What a decision rests on, frozen when it was cited: the comparison of one variant for one metric
 * of an experiment (against the baseline), with a SHA-256 of the run rollups behind it. Never
 * changed afterwards; later measurements show up as drift (docs/architecture.md D11), not here.
 * The names are kept so the snapshot still reads when the experiment is gone.
 */
@Entity
@Audited
@Table(name = "decision_evidence")
public class Evidence {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "decision_id", nullable = false, updatable = false)
  private Decision decision;

  @Column(name = "experiment_id", updatable = false)
  private Long experimentId;

  @Column(name = "experiment_title", nullable = false, length = 200, updatable = false)
  private String experimentTitle;

  @Column(name = "metric_id", updatable = false)
  private Long metricId;

  @Column(name = "metric_name", nullable = false, length = 120, updatable = false)
  private String metricName;

  @Column(nullable = false, length = 40, updatable = false)
  private String unit;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private MetricDirection direction;

  @Column(name = "variant_id", updatable = false)
  private Long variantId;

  @Column(name = "variant_name", nullable = false, length = 120, updatable = false)
  private String variantName;

  @Column(nullable = false, updatable = false)
  private boolean baseline;

  @Column(nullable = false, updatable = false)
  private long runs;

  @Column(nullable = false, updatable = false)
  private long n;

  @Column(updatable = false)
  private Double mean;

  @Column(updatable = false)
  private Double median;

  @Column(updatable = false)
  private Double p95;

  @Column(name = "sd", updatable = false)
  private Double standardDeviation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30, updatable = false)
  private Verdict verdict;

  @Column(updatable = false)
  private Double difference;

  @Column(name = "ci_lower", updatable = false)
  private Double ciLower;

  @Column(name = "ci_upper", updatable = false)
  private Double ciUpper;

  @Column(updatable = false)
  private Double ratio;

  /** CHAR(64) in the schema (always 64 hex digits), as SchemaMappingTest checks. */
  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(name = "data_sha256", nullable = false, length = 64, updatable = false)
  private String dataSha256;

  @Column(name = "cited_at", nullable = false, updatable = false)
  private Instant citedAt;

  protected Evidence() {}

  /** Freezes one variant's statistics for one metric as the comparison gives them now. */
  @SuppressWarnings("java:S107")
  public Evidence(Decision decision, long experimentId, String experimentTitle, long metricId,
      String metricName, String unit, MetricDirection direction, VariantStatistics statistics,
      String dataSha256, Instant citedAt) {
    this.decision = Objects.requireNonNull(decision, "decision");
    this.experimentId = experimentId;
    this.experimentTitle = Objects.requireNonNull(experimentTitle, "experimentTitle");
    this.metricId = metricId;
    this.metricName = Objects.requireNonNull(metricName, "metricName");
    this.unit = unit == null ? "" : unit;
    this.direction = Objects.requireNonNull(direction, "direction");
    this.variantId = statistics.variantId();
    this.variantName = statistics.variant();
    this.baseline = statistics.baseline();
    this.runs = statistics.runs();
    this.n = statistics.n();
    this.mean = finite(statistics.mean());
    this.median = finite(statistics.median());
    this.p95 = finite(statistics.p95());
    this.standardDeviation = finite(statistics.standardDeviation());
    this.verdict = statistics.verdict();
    WelchTest test = statistics.vsBaseline();
    if (test != null) {
      this.difference = finite(test.difference());
      this.ciLower = finite(test.lower());
      this.ciUpper = finite(test.upper());
      this.ratio = finite(test.ratio());
    }
    if (dataSha256 == null || !dataSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("dataSha256 must be 64 lower-case hex digits");
    }
    this.dataSha256 = dataSha256;
    this.citedAt = Objects.requireNonNull(citedAt, "citedAt");
  }

  /**
   * A snapshot frozen elsewhere (an imported decision file), kept exactly as it was: nothing is
   * recomputed. The ids are those of the same experiment, metric and variant in this ledger, or
   * null when they are not here (the row then reads as evidence whose data is gone).
   */
  @SuppressWarnings("java:S107")
  public static Evidence restored(Decision decision, Long experimentId, String experimentTitle,
      Long metricId, String metricName, String unit, MetricDirection direction, Long variantId,
      String variantName, boolean baseline, FrozenNumbers numbers, String dataSha256,
      Instant citedAt) {
    Evidence e = new Evidence();
    e.decision = Objects.requireNonNull(decision, "decision");
    e.experimentId = experimentId;
    e.experimentTitle = Objects.requireNonNull(experimentTitle, "experimentTitle");
    e.metricId = metricId;
    e.metricName = Objects.requireNonNull(metricName, "metricName");
    e.unit = unit == null ? "" : unit;
    e.direction = Objects.requireNonNull(direction, "direction");
    e.variantId = variantId;
    e.variantName = Objects.requireNonNull(variantName, "variantName");
    e.baseline = baseline;
    if (numbers.runs() < 0 || numbers.n() < 0) {
      throw new IllegalArgumentException("runs and n must not be negative");
    }
    if (numbers.ciLower() != null && numbers.ciUpper() != null
        && numbers.ciLower() > numbers.ciUpper()) {
      throw new IllegalArgumentException("the interval's lower bound is above its upper bound");
    }
    e.runs = numbers.runs();
    e.n = numbers.n();
    e.mean = numbers.mean();
    e.median = numbers.median();
    e.p95 = numbers.p95();
    e.standardDeviation = numbers.standardDeviation();
    e.verdict = Objects.requireNonNull(numbers.verdict(), "verdict");
    e.difference = numbers.difference();
    e.ciLower = numbers.ciLower();
    e.ciUpper = numbers.ciUpper();
    e.ratio = numbers.ratio();
    if (dataSha256 == null || !dataSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("dataSha256 must be 64 lower-case hex digits");
    }
    e.dataSha256 = dataSha256;
    e.citedAt = Objects.requireNonNull(citedAt, "citedAt");
    return e;
  }

  /** The numbers of a frozen row (nulls are absent numbers). */
  public record FrozenNumbers(long runs, long n, Double mean, Double median, Double p95,
      Double standardDeviation, Verdict verdict, Double difference, Double ciLower,
      Double ciUpper, Double ratio) {}

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  /** Whether this frozen row and the current comparison differ enough to flag (D11). */
  public EvidenceDrift driftAgainst(VariantStatistics current, String currentSha256) {
    return EvidenceDrift.of(this, current, currentSha256);
  }

  public Long getId() {
    return id;
  }

  public Decision getDecision() {
    return decision;
  }

  public Long getExperimentId() {
    return experimentId;
  }

  public String getExperimentTitle() {
    return experimentTitle;
  }

  public Long getMetricId() {
    return metricId;
  }

  public String getMetricName() {
    return metricName;
  }

  public String getUnit() {
    return unit;
  }

  public MetricDirection getDirection() {
    return direction;
  }

  public Long getVariantId() {
    return variantId;
  }

  public String getVariantName() {
    return variantName;
  }

  public boolean isBaseline() {
    return baseline;
  }

  public long getRuns() {
    return runs;
  }

  public long getN() {
    return n;
  }

  public Double getMean() {
    return mean;
  }

  public Double getMedian() {
    return median;
  }

  public Double getP95() {
    return p95;
  }

  public Double getStandardDeviation() {
    return standardDeviation;
  }

  public Verdict getVerdict() {
    return verdict;
  }

  public Double getDifference() {
    return difference;
  }

  public Double getCiLower() {
    return ciLower;
  }

  public Double getCiUpper() {
    return ciUpper;
  }

  public Double getRatio() {
    return ratio;
  }

  public String getDataSha256() {
    return dataSha256;
  }

  public Instant getCitedAt() {
    return citedAt;
  }
}
