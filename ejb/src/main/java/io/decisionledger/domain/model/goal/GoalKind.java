package io.decisionledger.domain.model.goal;

/**
 * What a goal is about: something to learn (the seed documents' "Learning Goals", "Technical
 * Mastery") or an outcome to reach (a product brief's success metrics).
 */
public enum GoalKind {
  LEARNING,
  SUCCESS;

  public String label() {
    return this == LEARNING ? "Learning" : "Success";
  }
}
