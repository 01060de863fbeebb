package io.decisionledger.domain.model.decision;

/** Where a decision stands (the statuses of MADR and Nygard's ADRs). */
public enum DecisionStatus {
  PROPOSED,
  ACCEPTED,
  REJECTED,
  DEPRECATED,
  /** Replaced by a later decision; set only by superseding, always with the link to it. */
  SUPERSEDED;

  public String label() {
    String name = name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
