package io.decisionledger.application.decision;

import io.decisionledger.domain.model.comparison.VariantStatistics;
import io.decisionledger.domain.model.decision.Evidence;
import io.decisionledger.domain.model.decision.EvidenceDrift;

/**
 * One frozen evidence row beside the current numbers of the same variant and metric.
 *
 * @param current null when the experiment, metric or variant is gone
 * @param currentSha256 the hash of the metric's rollups now; null when gone
 */
public record CitedEvidence(Evidence frozen, VariantStatistics current, String currentSha256,
    EvidenceDrift drift) {}
