package io.decisionledger.application.goal;

import java.io.Serializable;

/** What proves a checklist item: a decision or an experiment, by id (exactly one of them). */
public class ProofDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long decisionId;
  private Long experimentId;

  public ProofDraft() {}

  public static ProofDraft decision(long id) {
    ProofDraft d = new ProofDraft();
    d.setDecisionId(id);
    return d;
  }

  public static ProofDraft experiment(long id) {
    ProofDraft d = new ProofDraft();
    d.setExperimentId(id);
    return d;
  }

  public Long getDecisionId() {
    return decisionId;
  }

  public void setDecisionId(Long decisionId) {
    this.decisionId = decisionId;
  }

  public Long getExperimentId() {
    return experimentId;
  }

  public void setExperimentId(Long experimentId) {
    this.experimentId = experimentId;
  }
}
