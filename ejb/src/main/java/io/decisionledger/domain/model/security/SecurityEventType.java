package io.decisionledger.domain.model.security;

/** What the security audit trail records. */
public enum SecurityEventType {
  SIGN_IN,
  SIGN_IN_FAILED,
  ACCOUNT_LOCKED,
  SIGN_OUT,
  ACCESS_DENIED,
  TOKEN_USED,
  TOKEN_REJECTED,
  TOKEN_CREATED,
  TOKEN_REVOKED,
  USER_CREATED,
  USER_CHANGED,
  ADMIN_BOOTSTRAPPED
}
