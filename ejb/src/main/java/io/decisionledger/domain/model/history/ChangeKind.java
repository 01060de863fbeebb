package io.decisionledger.domain.model.history;

/** What a revision did to an entity. */
public enum ChangeKind {
  CREATED,
  CHANGED,
  DELETED
}
