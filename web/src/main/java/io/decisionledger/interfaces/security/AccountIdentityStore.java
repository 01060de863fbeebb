package io.decisionledger.interfaces.security;

import io.decisionledger.application.security.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The database identity store: user names and PBKDF2 password hashes in PostgreSQL, with the
 * lock-out rule and the audit trail of {@link SignInService}.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject SignInService signIns;
  @Inject HttpServletRequest request;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    SignInService.Outcome outcome = signIns.signIn(credential.getCaller(),
        credential.getPassword().getValue(), ApplicationAuthentication.source(request));
    if (!outcome.valid()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(outcome.username(), outcome.roles());
  }

  @Override
  public Set<ValidationType> validationTypes() {
    // The roles come with the validation; no second query for groups.
    return Set.of(ValidationType.VALIDATE);
  }
}
