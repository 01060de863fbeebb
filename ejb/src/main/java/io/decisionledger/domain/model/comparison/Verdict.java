package io.decisionledger.domain.model.comparison;

/** What the evidence says about a variant against the baseline, for one metric. */
public enum Verdict {
  /** This variant is the baseline. */
  BASELINE,
  /** Significantly better, in the metric's direction. */
  BETTER,
  /** Significantly worse, in the metric's direction. */
  WORSE,
  /** The 95% interval of the difference includes zero. */
  NO_SIGNIFICANT_DIFFERENCE,
  /** Fewer than two runs on either side: no interval can be computed. */
  NOT_ENOUGH_DATA;

  public String label() {
    return switch (this) {
      case BASELINE -> "baseline";
      case BETTER -> "better";
      case WORSE -> "worse";
      case NO_SIGNIFICANT_DIFFERENCE -> "no significant difference";
      case NOT_ENOUGH_DATA -> "not enough data";
    };
  }
}
