package io.decisionledger.application.decision;

import io.decisionledger.domain.model.comparison.Verdict;
import io.decisionledger.domain.model.decision.Evidence;
import io.decisionledger.domain.model.experiment.MetricDirection;
import java.time.Instant;

/**
 * One frozen evidence row as a file carries it: the cited experiment, metric and variant by name
 * (the experiment's id only as a hint: ids belong to one database), and the numbers as they were
 * when cited. Imported as they are, never recomputed (docs/architecture.md D15).
 */
public record EvidenceSnapshot(
    Long experimentId,
    String experiment,
    String metric,
    String unit,
    MetricDirection direction,
    String variant,
    boolean baseline,
    long runs,
    long n,
    Double mean,
    Double median,
    Double p95,
    Double standardDeviation,
    Verdict verdict,
    Double difference,
    Double ciLower,
    Double ciUpper,
    Double ratio,
    String dataSha256,
    Instant citedAt) {

  public static EvidenceSnapshot of(Evidence e) {
    return new EvidenceSnapshot(e.getExperimentId(), e.getExperimentTitle(), e.getMetricName(),
        e.getUnit(), e.getDirection(), e.getVariantName(), e.isBaseline(), e.getRuns(), e.getN(),
        e.getMean(), e.getMedian(), e.getP95(), e.getStandardDeviation(), e.getVerdict(),
        e.getDifference(), e.getCiLower(), e.getCiUpper(), e.getRatio(), e.getDataSha256(),
        e.getCitedAt());
  }

  /** The same numbers without the id hint (what two ledgers can agree on). */
  public EvidenceSnapshot withoutId() {
    return new EvidenceSnapshot(null, experiment, metric, unit, direction, variant, baseline, runs,
        n, mean, median, p95, standardDeviation, verdict, difference, ciLower, ciUpper, ratio,
        dataSha256, citedAt);
  }
}
