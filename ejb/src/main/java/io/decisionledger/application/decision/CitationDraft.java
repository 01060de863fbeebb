package io.decisionledger.application.decision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Which evidence a decision cites: an experiment and, within it, metrics (all of them when none
 * are named). {@code replace} re-freezes metrics already cited instead of refusing with 409.
 */
public class CitationDraft {

  @NotNull(message = "experimentId is required")
  private Long experimentId;

  @Size(max = 200, message = "At most 200 metrics")
  private List<Long> metricIds = new ArrayList<>();

  private boolean replace;

  public CitationDraft() {}

  public CitationDraft(Long experimentId, List<Long> metricIds) {
    this.experimentId = experimentId;
    setMetricIds(metricIds);
  }

  public Long getExperimentId() {
    return experimentId;
  }

  public void setExperimentId(Long experimentId) {
    this.experimentId = experimentId;
  }

  public List<Long> getMetricIds() {
    return metricIds;
  }

  public void setMetricIds(List<Long> metricIds) {
    this.metricIds = metricIds == null ? new ArrayList<>() : new ArrayList<>(metricIds);
  }

  public boolean isReplace() {
    return replace;
  }

  public void setReplace(boolean replace) {
    this.replace = replace;
  }
}
