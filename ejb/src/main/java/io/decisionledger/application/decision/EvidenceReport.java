package io.decisionledger.application.decision;

import io.decisionledger.domain.model.decision.Decision;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A decision's evidence, frozen beside current, and whether any of it drifted (D11). */
public record EvidenceReport(Decision decision, List<CitedEvidence> rows) {

  public boolean drifted() {
    return rows.stream().anyMatch(r -> r.drift().drifted());
  }

  public boolean dataChanged() {
    return rows.stream().anyMatch(r -> r.drift().dataChanged());
  }

  public long driftedRows() {
    return rows.stream().filter(r -> r.drift().drifted()).count();
  }

  /** The distinct reasons over all drifted rows. */
  public List<String> reasons() {
    Set<String> reasons = new LinkedHashSet<>();
    rows.stream().filter(r -> r.drift().drifted()).forEach(r -> reasons.addAll(r.drift().reasons()));
    return List.copyOf(reasons);
  }
}
