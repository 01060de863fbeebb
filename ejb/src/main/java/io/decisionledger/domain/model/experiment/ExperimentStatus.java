package io.decisionledger.domain.model.experiment;

/** Where an experiment stands. */
public enum ExperimentStatus {
  PLANNED,
  RUNNING,
  CONCLUDED
}
