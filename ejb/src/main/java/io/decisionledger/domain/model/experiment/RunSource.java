package io.decisionledger.domain.model.experiment;

/** How a run's measurements arrived. */
public enum RunSource {
  MANUAL,
  API,
  CSV
}
