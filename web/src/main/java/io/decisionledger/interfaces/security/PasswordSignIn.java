package io.decisionledger.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A sign-in with a user name and password, for the sign-in page and {@code POST /api/v1/session}.
 * The password is checked first (the identity store: lock-out rule and audit trail); only a valid
 * one goes on to the container's {@code authenticate}. A refusal therefore never reaches the
 * container, and the response stays the caller's to write: when a wrong password went through
 * {@code authenticate} on the sign-in page, the page re-rendered with a 500 (PrimeFaces: "CSP
 * nonce mismatch") instead of its message; the API's 401 was not affected.
 */
@ApplicationScoped
public class PasswordSignIn {

  /** The one answer to every refused sign-in: it does not say whether the user exists. */
  public static final String REFUSED = "Wrong user name or password, or the account is locked"
      + " after too many failed attempts: try again later or ask an administrator.";

  @Inject IdentityStoreHandler identityStores;
  @Inject SecurityContext security;

  /** Whether the user is now signed in (the session remembers them, with a new session id). */
  public boolean signIn(HttpServletRequest request, HttpServletResponse response, String username,
      String password) {
    CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(
        username == null ? "" : username, new Password(password == null ? "" : password)));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return false;
    }
    AuthenticationStatus status = security.authenticate(request, response,
        AuthenticationParameters.withParams().credential(new Checked(result))
            .newAuthentication(true));
    return status == AuthenticationStatus.SUCCESS;
  }

  /**
   * A password this class has just checked: the authentication mechanism signs its caller in
   * without checking it again (no second audit entry). Only code can make one, never a request.
   */
  record Checked(CredentialValidationResult result) implements Credential {}
}
