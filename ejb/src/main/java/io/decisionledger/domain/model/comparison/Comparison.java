package io.decisionledger.domain.model.comparison;

import java.util.List;

/**
 * The comparison of an experiment's variants, metric by metric.
 *
 * @param baselineVariantId null when the experiment has no variants
 * @param measurements how many measurements the comparison rests on
 */
public record Comparison(
    long experimentId, Long baselineVariantId, long measurements, List<MetricComparison> metrics) {}
