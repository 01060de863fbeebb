package io.decisionledger.application;

import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.domain.model.experiment.Metric;
import io.decisionledger.domain.model.experiment.Variant;
import java.util.List;

/** An experiment with its variants (baseline first) and metrics (by name), read together. */
public record ExperimentOverview(Experiment experiment, List<Variant> variants,
    List<Metric> metrics) {}
