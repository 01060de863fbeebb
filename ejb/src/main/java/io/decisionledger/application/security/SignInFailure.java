package io.decisionledger.application.security;

import java.util.Locale;

/**
 * Why a sign-in was refused, as the metric {@code decisionledger_signin_failures_total} counts it:
 * a fixed, small set, so the label's cardinality is bounded. An unknown user and a wrong password
 * are one reason, so the metric cannot tell which accounts exist (the security trail keeps the
 * detail, for auditors).
 */
public enum SignInFailure {
  /** Unknown user, wrong password, no user name, or an account without a password. */
  REFUSED,
  /** The account is locked after too many failed attempts. */
  LOCKED,
  /** The account is disabled. */
  DISABLED,
  /** An OpenID Connect sign-in the provider's answer could not complete. */
  PROVIDER;

  /** The label value: the name in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
