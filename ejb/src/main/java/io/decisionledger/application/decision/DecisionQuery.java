package io.decisionledger.application.decision;

import io.decisionledger.domain.model.decision.DecisionStatus;

/** A page of decisions, newest number first, optionally of one status. */
public record DecisionQuery(DecisionStatus status, int offset, int limit) {

  public static final int MAX_LIMIT = 200;

  public DecisionQuery {
    offset = Math.max(0, offset);
    limit = Math.min(Math.max(1, limit), MAX_LIMIT);
  }
}
