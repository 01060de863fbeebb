package io.decisionledger.domain.model.comparison;

import io.decisionledger.domain.model.experiment.MetricDirection;
import java.util.List;

/** All variants of an experiment side by side for one metric, the baseline first. */
public record MetricComparison(
    long metricId,
    String metric,
    String unit,
    MetricDirection direction,
    List<VariantStatistics> variants) {}
