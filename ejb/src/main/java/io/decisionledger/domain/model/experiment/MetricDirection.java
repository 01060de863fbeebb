package io.decisionledger.domain.model.experiment;

/** Which way a metric improves; a verdict of "better" depends on it. */
public enum MetricDirection {
  LOWER_IS_BETTER,
  HIGHER_IS_BETTER;

  /** Whether a positive difference (variant minus baseline) is an improvement. */
  public boolean increaseIsBetter() {
    return this == HIGHER_IS_BETTER;
  }
}
